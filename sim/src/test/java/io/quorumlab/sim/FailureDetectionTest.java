package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.membership.GossipConfig;
import io.quorumlab.store.membership.PhiAccrualDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FailureDetectionTest {
  private static final long STATED_BOUND_MS = 1000 + 1100 + 3000 + Math.round(5.23 * 450) + 1000;

  /**
   * The silence after which a detector that heard a peer every round convicts it: phi reaches the
   * threshold. With the defaults (1 s rounds, phi 8, 3 s acceptable pause, 200 ms deviation floor)
   * about 5 s.
   */
  private static long convictionSilenceMs() {
    GossipConfig g = GossipConfig.defaults();
    PhiAccrualDetector d = new PhiAccrualDetector(g.detectorSettings());
    long t = 0;
    for (int i = 0; i < 60; i++) {
      d.heartbeat("p", t);
      t += g.intervalMs();
    }
    long last = t - g.intervalMs();
    long silence = 0;
    while (d.isAvailable("p", last + silence)) {
      silence++;
    }
    return silence;
  }

  @Test
  void everyOtherNodeConvictsAKilledNodeWithinTheDetectorsTime() {
    Simulation sim = Clusters.started(SimConfig.of(5, 8), Duration.ofSeconds(60));
    Map<String, Long> convictedAt = new TreeMap<>();
    List<String> wrongful = new ArrayList<>();
    sim.addMembershipObserver((observer, subject, time) -> {
      if (subject.equals("n5")) {
        convictedAt.putIfAbsent(observer, time);
      } else {
        wrongful.add(observer + " convicted " + subject);
      }
    });
    sim.kill("n5");
    long killedAt = sim.now();
    sim.runFor(Duration.ofSeconds(30));

    long expected = convictionSilenceMs();
    assertThat(expected).isBetween(4_000L, 7_000L);
    assertThat(convictedAt).containsOnlyKeys("n1", "n2", "n3", "n4");
    long interval = GossipConfig.defaults().intervalMs();
    convictedAt.forEach((observer, time) -> {
      long afterKillMs = (time - killedAt) / 1_000_000;
      // Not before the silence of a perfectly regular peer, counted from a last heartbeat learnt at
      // most two rounds before the kill; not after the store's stated bound for up to 5 nodes (see
      // the store's FailureDetectionTest: one round to spread the last heartbeat, the learnt rhythm's
      // mean and spread, one round until the observer's next tick).
      assertThat(afterKillMs).as(observer).isBetween(expected - 2 * interval, STATED_BOUND_MS);
    });
    assertThat(wrongful).isEmpty();
    // The kill took the node out of routing at once (its connections closed), before any conviction.
    assertThat(sim.node("n1").services().isRoutable("n5")).isFalse();
  }
}
