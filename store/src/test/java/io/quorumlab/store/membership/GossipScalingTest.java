package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Gossip messages per node per second stay flat as the cluster grows; all-to-all heartbeats would
 * cost n - 1. Bytes per message do grow with n (a Syn carries one digest per member), which is
 * printed too.
 */
class GossipScalingTest {
  @Test
  void messagesPerNodePerSecondDoNotGrowWithClusterSize() {
    int[] sizes = {5, 10, 20, 50, 100};
    double[] rates = new double[sizes.length];
    System.out.println("[gossip] nodes | gossip msgs/node/s | gossip bytes/node/s | all-to-all heartbeat msgs/node/s");
    for (int s = 0; s < sizes.length; s++) {
      int n = sizes[s];
      GossipSimulation sim = new GossipSimulation(GossipConfig.defaults(), 500 + n);
      sim.addSeed("n1");
      sim.addSeed("n2");
      for (int i = 1; i <= n; i++) {
        sim.start("n" + i);
      }
      sim.runFor(30_000);
      long messages = sim.totalSent();
      long bytes = sim.totalSentBytes();
      long seconds = 60;
      sim.runFor(seconds * 1000);
      rates[s] = (sim.totalSent() - messages) / (double) n / seconds;
      double byteRate = (sim.totalSentBytes() - bytes) / (double) n / seconds;
      System.out.printf("[gossip] %5d | %18.2f | %19.0f | %d%n", n, rates[s], byteRate, n - 1);
      // fanout Syns + about as many Acks answered + an Ack2 each, plus the odd seed or convicted probe.
      int fanout = sim.config.fanout();
      assertThat(rates[s]).as("n=%d", n).isBetween(2.0 * fanout, 3.0 * fanout + 1);
    }
    assertThat(rates[rates.length - 1] / rates[0]).as("growth from 5 to 100 nodes").isLessThan(1.2);
  }
}
