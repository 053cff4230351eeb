package io.quorumlab.sim;

import io.quorumlab.sim.scenario.DefaultLikeScenario;
import io.quorumlab.sim.scenario.KeyValueLoad;
import io.quorumlab.sim.scenario.PartitionFlapping;
import io.quorumlab.store.config.FsyncPolicy;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A short run that goes through every kind of event the simulator has: load through every node's
 * client, partitions, a kill and restart, a pause, slow links, clock skew, and (varying with the
 * seed) network loss, duplicates, reordering and periodic fsync.
 */
final class ChaosScenario implements Consumer<Simulation> {
  static SimConfig config(long seed) {
    SimConfig c = DefaultLikeScenario.config(seed);
    NetworkConfig net = c.network();
    if (seed % 2 == 1) {
      net = net.withLoss(0.01).withDuplicate(0.01);
    }
    if (seed % 3 == 1) {
      net = net.withReorder(true);
    }
    c = c.withNetwork(net);
    if (seed % 4 == 2) {
      c = c.withTemplate(c.template().withFsync(FsyncPolicy.PERIODIC));
    }
    return c;
  }

  @Override
  public void accept(Simulation sim) {
    sim.start();
    sim.runFor(Duration.ofSeconds(2));
    KeyValueLoad load = new KeyValueLoad(sim, 20);
    load.schedule(200, Duration.ofSeconds(10).toNanos());
    new PartitionFlapping(sim).schedule(Duration.ofSeconds(2).toNanos(), Duration.ofSeconds(10).toNanos());
    sim.schedule(Duration.ofMillis(1500), () -> sim.shiftClock("n4", -2_000_000));
    sim.schedule(Duration.ofSeconds(3), () -> sim.kill("n1"));
    sim.schedule(Duration.ofSeconds(4), () -> sim.pause("n2"));
    sim.schedule(Duration.ofSeconds(5), () -> sim.restart("n1"));
    sim.schedule(Duration.ofSeconds(6), () -> sim.resume("n2"));
    sim.schedule(Duration.ofSeconds(7), () -> sim.slow(List.of(new SimLink("n3", "n5"), new SimLink("n5", "n3")),
        new LinkSlowness(2_000, 1_000, 0.1, 0)));
    sim.schedule(Duration.ofSeconds(8), () -> sim.setClockRate("n5", 1.001));
    sim.schedule(Duration.ofSeconds(9), sim::heal);
    sim.runFor(Duration.ofSeconds(12));
  }
}
