package io.quorumlab.sim.scenario;

import io.quorumlab.sim.SimConfig;
import io.quorumlab.sim.Simulation;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A run like {@code quorumlab run}'s defaults: 5 nodes, N=3 W=1 R=1, sloppy quorum, async read
 * repair, last-writer-wins, fsync always, 1 s request timeout; random gets and puts on 50 keys at
 * 100 ops/s; partitions that come and go every 10 s. The nodes start within the first second and
 * the load begins after a warm-up of 2 s.
 */
public final class DefaultLikeScenario implements Consumer<Simulation> {
  public static final Duration WARM_UP = Duration.ofSeconds(2);

  private final Duration duration;
  private final double opsPerSecond;
  private final int keys;
  private KeyValueLoad load;

  public DefaultLikeScenario(Duration duration, double opsPerSecond, int keys) {
    this.duration = duration;
    this.opsPerSecond = opsPerSecond;
    this.keys = keys;
  }

  public static DefaultLikeScenario of(Duration duration) {
    return new DefaultLikeScenario(duration, 100, 50);
  }

  /** 5 nodes with the defaults of {@code quorumlab run}. */
  public static SimConfig config(long seed) {
    SimConfig c = SimConfig.of(5, seed);
    return c.withTemplate(c.template().toBuilder().n(3).w(1).r(1).quorum(Quorum.SLOPPY).readRepair(ReadRepair.ASYNC)
        .conflicts(ConflictMode.LWW).fsync(FsyncPolicy.ALWAYS).requestTimeoutMs(1000).build());
  }

  @Override
  public void accept(Simulation sim) {
    sim.start();
    sim.runFor(WARM_UP);
    load = new KeyValueLoad(sim, keys);
    long nanos = duration.toNanos();
    load.schedule(opsPerSecond, nanos);
    new PartitionFlapping(sim).schedule(Duration.ofSeconds(10).toNanos(), nanos);
    sim.runFor(nanos);
  }

  /** The load's outcomes (after {@link #accept}). */
  public KeyValueLoad.Counts counts() {
    return load.counts();
  }
}
