package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.membership.GossipSimulation.SimNode;
import org.junit.jupiter.api.Test;

/**
 * A generation comes from the wall clock at start (or from the one stored last time). A node that
 * restarts with its clock set back and without its stored generation (memory storage, or the write
 * lost in the crash) picks a generation below the one its peers know. Peers ignore gossip from a
 * lower generation, so unless the node raises its own generation above what it hears about itself,
 * it stays convicted for good.
 */
class ClockSetBackRestartTest {

  @Test
  void aNodeRestartedWithItsClockSetBackIsAcceptedAgain() {
    GossipSimulation sim = new GossipSimulation(GossipConfig.defaults(), 14);
    sim.addSeed("n1");
    sim.runFor(3_600_000); // generations are epoch millis: start an hour after the epoch
    for (int i = 1; i <= 5; i++) {
      sim.start("n" + i);
    }
    sim.runFor(60_000);
    long oldGeneration = sim.nodes.get("n1").gossiper.member("n4").orElseThrow().generation();
    sim.kill("n4");
    sim.runFor(30_000);
    assertThat(sim.nodes.get("n1").gossiper.isAlive("n4")).isFalse();

    sim.restartWithClockBack("n4", 10 * 60_000);
    assertThat(sim.nodes.get("n4").gossiper.member("n4").orElseThrow().generation()).isLessThan(oldGeneration);

    long millis = sim.millisUntil(() -> sim.viewsAgree(true), 100, 20_000);
    assertThat(millis).as("ms until n4 is UP in every view again").isBetween(0L, 5_000L);
    for (SimNode node : sim.running()) {
      assertThat(node.gossiper.member("n4").orElseThrow().generation()).as(node.id).isGreaterThan(oldGeneration);
      assertThat(node.gossiper.isAlive("n4")).as(node.id).isTrue();
    }
  }
}
