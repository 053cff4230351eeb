package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.membership.GossipSimulation.SimNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conviction of silent nodes, agreement afterwards, and recovery, under the default settings.
 *
 * <p>The bound. An observer convicts a node at the first of its rounds at which phi >= 8, i.e. no
 * later than {@code last + silenceToConvict + interval}, where {@code last} is when the observer
 * learnt the node's final heartbeat and, for the default normal model,
 * {@code silenceToConvict = mean + 3000 + 5.23 * max(stdDev, 200)} ms. Every observer is held to
 * that exact bound with its own learnt mean and std-dev. For a whole cluster, with the rhythm gossip
 * produces (mean at most 1100 ms, std-dev at most 450 ms in these runs) and the final heartbeat
 * reaching everyone within P rounds of the kill (P = 1 up to 5 nodes, 2 up to 50, see
 * GossipConvergenceTest), every node has convicted within
 * {@code P*1000 + 1100 + 3000 + 5.23*450 + 1000} ms: 8.45 s for 5 nodes, 9.45 s up to 50.
 */
class FailureDetectionTest {
  private static long statedBoundMs(int n) {
    long propagationRounds = n <= 5 ? 1 : 2;
    return propagationRounds * 1000 + 1100 + 3000 + Math.round(5.23 * 450) + 1000;
  }

  private static GossipSimulation cluster(int n, long seed) {
    GossipSimulation sim = new GossipSimulation(GossipConfig.defaults(), seed);
    sim.addSeed("n1");
    sim.addSeed("n2");
    for (int i = 1; i <= n; i++) {
      sim.start("n" + i);
    }
    sim.runFor(60_000);
    return sim;
  }

  /** Kills {@code victim}, returns each observer's conviction delay after checking its own bound. */
  private static List<Long> killAndMeasure(GossipSimulation sim, String victim) {
    sim.runFor(sim.random.nextLong(1000));
    sim.kill(victim);
    long killedAt = sim.now;
    sim.runFor(30_000);
    List<Long> delays = new ArrayList<>();
    for (SimNode observer : sim.running()) {
      Long downAt = observer.lastDown.get(victim);
      assertThat(downAt).as("%s never convicted %s", observer.id, victim).isNotNull();
      PhiAccrualDetector detector = observer.gossiper.detector();
      long last = detector.lastHeartbeat(victim).orElseThrow();
      assertThat(downAt).as("%s convicted %s before its bound", observer.id, victim)
          .isGreaterThanOrEqualTo(last + detector.silenceToConvictMs(victim));
      assertThat(downAt).as("%s convicted %s after its bound", observer.id, victim)
          .isLessThanOrEqualTo(last + detector.silenceToConvictMs(victim) + sim.config.intervalMs());
      delays.add(downAt - killedAt);
    }
    return delays;
  }

  @Test
  void aKilledNodeIsConvictedByEveryNodeWithinTheStatedBound() {
    for (int n : new int[] {5, 20, 50}) {
      List<Long> all = new ArrayList<>();
      for (int trial = 0; trial < (n == 5 ? 15 : 2); trial++) {
        GossipSimulation sim = cluster(n, 100L * n + trial);
        List<Long> delays = killAndMeasure(sim, "n" + (1 + sim.random.nextInt(n)));
        all.addAll(delays);
        assertThat(Collections.max(delays)).as("time to agreement, n=%d", n).isLessThanOrEqualTo(statedBoundMs(n));
      }
      Collections.sort(all);
      System.out.printf("[fd] n=%d: time to convict a killed node, per observer: min %d, median %d, max %d ms "
          + "(max = time until every view agrees; stated bound %d ms)%n",
          n, all.get(0), all.get(all.size() / 2), all.get(all.size() - 1), statedBoundMs(n));
    }
  }

  @Test
  void afterAConvictionEveryLiveViewAgreesAndStaysSo() {
    GossipSimulation sim = cluster(10, 77);
    killAndMeasure(sim, "n4");
    assertThat(sim.viewsAgree(true)).isTrue();
    sim.runFor(300_000);
    assertThat(sim.viewsAgree(true)).isTrue();
    for (SimNode node : sim.running()) {
      assertThat(node.log).as(node.id).containsExactly(node.lastDown.get("n4") + " down:n4");
      assertThat(node.gossiper.isAlive("n4")).isFalse();
    }
  }

  @Test
  void aPausedNodeIsConvictedThenAcceptedBackAndConvictsNobodyItself() {
    GossipSimulation sim = cluster(10, 78);
    sim.pause("n5");
    sim.runFor(30_000);
    for (SimNode node : sim.running()) {
      assertThat(node.gossiper.isAlive("n5")).as(node.id).isFalse();
    }
    sim.resume("n5");
    long millis = sim.millisUntil(() -> sim.viewsAgree(true), 100, 20_000);
    assertThat(millis).isBetween(0L, 3_000L);
    assertThat(sim.nodes.get("n5").downEvents()).isZero();
    for (SimNode node : sim.running()) {
      if (!node.id.equals("n5")) {
        assertThat(node.log).as(node.id).endsWith(node.lastUp.get("n5") + " up:n5");
      }
    }
    System.out.printf("[fd] a node paused for 30 s is UP again in every view %d ms after it resumes%n", millis);
  }

  @Test
  void aRestartedNodeRejoinsWithItsNewGenerationOverridingTheOld() {
    GossipSimulation sim = cluster(10, 79);
    long oldGeneration = sim.nodes.get("n1").gossiper.member("n6").orElseThrow().generation();
    killAndMeasure(sim, "n6");
    sim.restart("n6", 42);
    long millis = sim.millisUntil(() -> sim.viewsAgree(true), 100, 20_000);
    assertThat(millis).isBetween(0L, 4_000L);
    for (SimNode node : sim.running()) {
      MemberState n6 = node.gossiper.member("n6").orElseThrow();
      assertThat(n6.generation()).isGreaterThan(oldGeneration);
      assertThat(n6.info().tokens()).containsExactly(GossipSimulation.tokens("n6", 42));
      assertThat(n6.status()).isEqualTo(MemberStatus.UP);
      assertThat(node.gossiper.isAlive("n6")).isTrue();
      if (!node.id.equals("n6")) {
        assertThat(node.log).as(node.id).anyMatch(l -> l.endsWith("restarted:n6"));
      }
    }
    System.out.printf("[fd] a restarted node (new generation) is UP in every view %d ms after it starts%n", millis);
  }

  @Test
  void aHealedPartitionReunitesTheViews() {
    GossipSimulation sim = cluster(10, 80);
    List<String> left = List.of("n1", "n3", "n5", "n7", "n9");
    List<String> right = List.of("n2", "n4", "n6", "n8", "n10");
    left.forEach(a -> right.forEach(b -> sim.cut(a, b)));
    sim.runFor(60_000);
    for (String a : left) {
      for (String b : right) {
        assertThat(sim.nodes.get(a).gossiper.isAlive(b)).as("%s sees %s", a, b).isFalse();
        assertThat(sim.nodes.get(b).gossiper.isAlive(a)).as("%s sees %s", b, a).isFalse();
      }
    }
    sim.heal();
    long millis = sim.millisUntil(() -> sim.viewsAgree(true), 100, 30_000);
    assertThat(millis).isBetween(0L, 10_000L);
    System.out.printf("[fd] after a 60 s half/half partition heals, all views agree in %d ms%n", millis);
  }

  @Test
  void aHealthyClusterConvictsNobodyOverHalfAVirtualHour() {
    for (double loss : new double[] {0.0, 0.05}) {
      int n = loss == 0 ? 20 : 10;
      GossipSimulation sim = cluster(n, 81);
      sim.lossRate = loss;
      long longestSilence = 0;
      long shortestConvictingSilence = Long.MAX_VALUE;
      for (int sample = 0; sample < 360; sample++) {
        sim.runFor(4_000 + sim.random.nextLong(2_000));
        for (SimNode a : sim.running()) {
          PhiAccrualDetector detector = a.gossiper.detector();
          for (SimNode b : sim.running()) {
            if (a != b) {
              longestSilence = Math.max(longestSilence, sim.now - detector.lastHeartbeat(b.id).orElseThrow());
              shortestConvictingSilence = Math.min(shortestConvictingSilence, detector.silenceToConvictMs(b.id));
            }
          }
        }
      }
      long falseConvictions = sim.nodes.values().stream().mapToLong(SimNode::downEvents).sum();
      assertThat(falseConvictions).as("false convictions with %.0f%% loss", loss * 100).isZero();
      assertThat(longestSilence).isLessThan(shortestConvictingSilence);
      System.out.printf("[fd] %d nodes, 30 virtual minutes, %.0f%% message loss: 0 false convictions; longest "
          + "silence sampled %d ms, shortest silence that would convict %d ms%n",
          n, loss * 100, longestSilence, shortestConvictingSilence);
    }
  }
}
