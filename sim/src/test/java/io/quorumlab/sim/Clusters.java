package io.quorumlab.sim;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Helpers for tests: a started cluster, and waiting for a client future in virtual time. */
final class Clusters {
  private Clusters() {}

  /** A simulation of {@code config}, started and run for {@code warmUp}. */
  static Simulation started(SimConfig config, Duration warmUp) {
    Simulation sim = new Simulation(config);
    sim.start();
    sim.runFor(warmUp);
    return sim;
  }

  /** Runs the simulation until {@code f} completes (at most a minute of virtual time); its value or StoreException. */
  static <T> T await(Simulation sim, CompletableFuture<T> f) throws StoreException {
    if (!sim.runUntil(f::isDone, Duration.ofMinutes(1))) {
      throw new AssertionError("no outcome within a minute of virtual time");
    }
    return StoreClient.await(f);
  }

  static void put(Simulation sim, StoreClient client, String key, String value) throws StoreException {
    await(sim, client.putAsync(key, value.getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS));
  }

  /** The values a get returns, sorted; empty when the key is absent. */
  static java.util.List<String> get(Simulation sim, StoreClient client, String key) throws StoreException {
    return await(sim, client.getAsync(key, RequestOptions.DEFAULTS)).siblings().stream()
        .map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }
}
