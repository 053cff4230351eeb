package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Views converge in a number of rounds that grows with log n, not n. */
class GossipConvergenceTest {
  private static final int[] SIZES = {5, 10, 20, 50, 100};

  private static GossipSimulation cluster(int n, long seed, double loss) {
    GossipSimulation sim = new GossipSimulation(GossipConfig.defaults(), seed);
    sim.lossRate = loss;
    sim.addSeed("n1");
    sim.addSeed("n2");
    for (int i = 1; i <= n; i++) {
      sim.start("n" + i);
    }
    return sim;
  }

  private static int log2Ceil(int n) {
    return 32 - Integer.numberOfLeadingZeros(n - 1);
  }

  /** Rounds (fractional) for one node's status change to reach every node, worst of several trials. */
  private static double spreadRounds(int n, long seed, double loss) {
    GossipSimulation sim = cluster(n, seed, loss);
    assertThat(sim.roundsUntilAgree(true, 30)).isNotNegative();
    double worst = 0;
    for (int trial = 0; trial < 5; trial++) {
      sim.runFor(10_000 + sim.random.nextLong(1000));
      String changer = "n" + (1 + sim.random.nextInt(n));
      sim.nodes.get(changer).gossiper.setLocalTokens(GossipSimulation.tokens(changer, 100 + trial));
      long millis = sim.millisUntil(() -> sim.viewsAgree(true), 50, 60_000);
      assertThat(millis).as("change of %s never reached every node (n=%d)", changer, n).isNotNegative();
      worst = Math.max(worst, millis / (double) sim.config.intervalMs());
    }
    return worst;
  }

  @Test
  void coldStartFromTwoSeedsConvergesInLogarithmicRounds() {
    List<String> table = new ArrayList<>();
    for (int n : SIZES) {
      GossipSimulation sim = cluster(n, 1000 + n, 0);
      int rounds = sim.roundsUntilAgree(true, 50);
      table.add("n=" + n + ": " + rounds + " rounds");
      assertThat(rounds).as("cold start, n=%d", n).isBetween(1, log2Ceil(n) + 2);
    }
    System.out.println("[gossip] cold start to full agreement: " + table);
  }

  @Test
  void aChangeSpreadsToEveryNodeInLogarithmicRounds() {
    List<String> table = new ArrayList<>();
    for (int n : SIZES) {
      double rounds = spreadRounds(n, 2000 + n, 0);
      table.add(String.format("n=%d: %.2f", n, rounds));
      assertThat(rounds).as("spread, n=%d", n).isLessThanOrEqualTo(log2Ceil(n));
    }
    System.out.println("[gossip] rounds for a token change to reach all nodes (worst of 5): " + table);
  }

  @Test
  void tenPercentMessageLossOnlySlowsConvergenceALittle() {
    List<String> table = new ArrayList<>();
    for (int n : new int[] {10, 50}) {
      double rounds = spreadRounds(n, 3000 + n, 0.10);
      table.add(String.format("n=%d: %.2f", n, rounds));
      assertThat(rounds).as("spread with loss, n=%d", n).isLessThanOrEqualTo(log2Ceil(n) + 1);
    }
    System.out.println("[gossip] spread with 10% loss: " + table);
  }
}
