package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartTest {

  @Test
  void aRestartIsANewProcessWithAHigherGeneration() {
    Simulation sim = Clusters.started(SimConfig.of(5, 10), Duration.ofSeconds(5));
    long before = sim.node("n2").generation();
    assertThat(sim.node("n2").incarnation()).isEqualTo(1);
    sim.kill("n2");
    assertThat(sim.killed()).containsExactly("n2");
    sim.runFor(Duration.ofSeconds(2));
    sim.restart("n2");
    sim.runFor(Duration.ofSeconds(5));

    long after = sim.node("n2").generation();
    assertThat(after).isGreaterThan(before);
    assertThat(sim.node("n2").incarnation()).isEqualTo(2);
    assertThat(sim.killed()).isEmpty();
    // The others learnt the new generation through gossip and route to n2 again.
    for (String n : new String[] {"n1", "n3", "n4", "n5"}) {
      assertThat(sim.node(n).status().member("n2").generation()).as(n).isEqualTo(after);
      assertThat(sim.node(n).services().isRoutable("n2")).as(n).isTrue();
    }
    assertThat(sim.lifecycle()).extracting(LifecycleEvent::what).contains("kill (process 1; 0 unsynced disk writes lost)", "restart (process 2)");
  }

  @Test
  void aRestartWithAClockSetBackStillRaisesTheGeneration() {
    Simulation sim = Clusters.started(SimConfig.of(3, 11), Duration.ofSeconds(3));
    long before = sim.node("n1").generation();
    sim.kill("n1");
    sim.shiftClock("n1", -3_600_000_000L);
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
    assertThat(sim.node("n1").generation()).isGreaterThan(before);
  }

  @Test
  void clientsOfAKilledNodeLoseTheirPendingRequestsAndCannotConnect() throws Exception {
    Simulation sim = Clusters.started(SimConfig.of(3, 12), Duration.ofSeconds(3));
    SimClient client = sim.client("n3");
    sim.pause("n3");
    var put = client.putAsync("k", new byte[] {1}, Context.EMPTY, RequestOptions.DEFAULTS);
    var get = client.getAsync("k", RequestOptions.DEFAULTS);
    sim.runFor(Duration.ofMillis(100));
    sim.kill("n3");
    // Sent, then the connection died: a write may have been applied, a read had no effect.
    assertThat(put).isCompletedExceptionally();
    assertThatThrownBy(() -> Clusters.await(sim, put)).isInstanceOf(IndeterminateException.class)
        .hasMessageContaining("lost before the answer");
    assertThatThrownBy(() -> Clusters.await(sim, get)).isInstanceOf(UnavailableException.class);
    // Nothing listens: refused, certainly not applied.
    var refused = client.putAsync("k", new byte[] {2}, Context.EMPTY, RequestOptions.DEFAULTS);
    assertThatThrownBy(() -> Clusters.await(sim, refused)).isInstanceOf(UnavailableException.class)
        .hasMessageContaining("connection refused");
    sim.restart("n3");
    sim.runFor(Duration.ofSeconds(2));
    Clusters.put(sim, client, "k", "after");
  }
}
