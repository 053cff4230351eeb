package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void putThenGet() throws Exception {
    Simulation sim = new Simulation(SimConfig.of(5, 1));
    sim.start();
    sim.runFor(Duration.ofSeconds(3));
    SimClient c = sim.client("n1");
    CompletableFuture<PutResult> put = c.putAsync("k", "v".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);
    sim.runUntil(put::isDone, Duration.ofSeconds(5));
    System.out.println("put " + put.get() + " at " + sim.now());
    CompletableFuture<GetResult> get = sim.client("n4").getAsync("k", RequestOptions.DEFAULTS);
    sim.runUntil(get::isDone, Duration.ofSeconds(5));
    assertThat(new String(get.get().siblings().get(0), StandardCharsets.UTF_8)).isEqualTo("v");
    sim.runFor(Duration.ofSeconds(10));
    System.out.println("events " + sim.eventsRun() + " digest " + sim.trace().digest() + " failures " + sim.nodeFailures());
    sim.lifecycle().forEach(System.out::println);
    System.out.println(sim.node("n1").status().members());
  }
}
