package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.UnavailableException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PauseTest {

  @Test
  void aPausedNodeHandlesNothingUntilResumedThenEverythingThatWaited() {
    Simulation sim = Clusters.started(SimConfig.of(5, 5), Duration.ofSeconds(3));
    LinkTap tap = new LinkTap();
    sim.addMessageObserver(tap);
    long heartbeat = sim.node("n3").status().member("n3").heartbeat();
    sim.pause("n3");
    long pausedAt = sim.now();
    sim.runFor(Duration.ofSeconds(2));

    // Nothing reached n3 and n3 ran nothing: no delivery to it, no message from it, no gossip round.
    assertThat(tap.deliveries).noneMatch(d -> d.to().equals("n3") && d.time() > pausedAt);
    assertThat(tap.deliveries).noneMatch(d -> d.from().equals("n3") && d.time() > pausedAt + 1_000_000);
    assertThat(sim.node("n3").status().member("n3").heartbeat()).isEqualTo(heartbeat);
    // Its peers' connections to it stay up: nothing sent to it is dropped, it waits.
    assertThat(tap.dropsByLink.keySet()).noneMatch(l -> l.endsWith("->n3"));

    sim.resume("n3");
    long resumedAt = sim.now();
    sim.runFor(Duration.ofMillis(1));
    long waited = tap.deliveries.stream().filter(d -> d.to().equals("n3") && d.time() == resumedAt).count();
    assertThat(waited).as("messages held during the pause, delivered on resume").isPositive();
    sim.runFor(Duration.ofSeconds(1));
    assertThat(sim.node("n3").status().member("n3").heartbeat()).isGreaterThan(heartbeat);
  }

  @Test
  void aRequestToAPausedNodeGetsNoAnswer() {
    Simulation sim = Clusters.started(SimConfig.of(3, 6), Duration.ofSeconds(3));
    SimClient client = sim.client("n2");
    sim.pause("n2");
    var put = client.putAsync("k", new byte[] {1}, Context.EMPTY, RequestOptions.DEFAULTS);
    var get = client.getAsync("k", RequestOptions.DEFAULTS);
    long sent = sim.now();
    assertThatThrownBy(() -> Clusters.await(sim, put)).isInstanceOf(IndeterminateException.class);
    // The client waits its request timeout (5 s by default) plus its grace (0.5 s), as the socket client does.
    assertThat(sim.now() - sent).isEqualTo(5_500_000_000L);
    assertThatThrownBy(() -> Clusters.await(sim, get)).isInstanceOf(UnavailableException.class);
  }
}
