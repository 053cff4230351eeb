package io.quorumlab.sim.scenario;

import io.quorumlab.sim.SimClient;
import io.quorumlab.sim.Simulation;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * An open-loop load of random gets and blind puts on a few keys, each op sent through the client
 * of a random node, at a fixed rate of virtual time. Counts outcomes as a history would record
 * them: ok, fail (certainly no effect) and info (indeterminate). Every put writes a distinct value.
 */
public final class KeyValueLoad {

  /** Outcomes so far. */
  public record Counts(long ok, long fail, long info) {
    public long total() {
      return ok + fail + info;
    }
  }

  private final Simulation sim;
  private final RandomGenerator random;
  private final int keys;
  private final List<SimClient> clients = new ArrayList<>();
  private long ok;
  private long fail;
  private long info;
  private long nextValue;

  public KeyValueLoad(Simulation sim, int keys) {
    this.sim = sim;
    this.random = sim.splitRandom();
    this.keys = keys;
    for (String node : sim.nodeIds()) {
      clients.add(sim.client(node));
    }
  }

  /** Issues {@code opsPerSecond} ops, evenly spaced, from now for {@code durationNanos}. */
  public void schedule(double opsPerSecond, long durationNanos) {
    long interval = (long) (1e9 / opsPerSecond);
    next(sim.now(), interval, sim.now() + durationNanos);
  }

  /** One op at {@code at}, which then schedules the next (the queue holds one op at a time). */
  private void next(long at, long interval, long end) {
    if (at < end) {
      sim.scheduleAt(at, () -> {
        issue();
        next(at + interval, interval, end);
      });
    }
  }

  private void issue() {
    SimClient client = clients.get(random.nextInt(clients.size()));
    String key = "k" + random.nextInt(keys);
    CompletableFuture<?> op = random.nextBoolean()
        ? client.getAsync(key, RequestOptions.DEFAULTS)
        : client.putAsync(key, ByteBuffer.allocate(8).putLong(++nextValue).array(), Context.EMPTY, RequestOptions.DEFAULTS);
    op.whenComplete((result, error) -> {
      if (error == null) {
        ok++;
      } else if (StoreClient.unwrap(error).mayHaveApplied()) {
        info++;
      } else {
        fail++;
      }
    });
  }

  public Counts counts() {
    return new Counts(ok, fail, info);
  }
}
