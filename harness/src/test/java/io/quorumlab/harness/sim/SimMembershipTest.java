package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.cluster.ClusterMembership;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.sim.SimNode;
import io.quorumlab.sim.Simulation;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Joins, leaves and removals on a simulated cluster, as the membership nemesis makes them. */
class SimMembershipTest {
  private Simulation sim;
  private SimCluster cluster;
  private ClusterMembership members;

  @BeforeEach
  void start() {
    RunSpec spec = RunSpec.defaults(7).withBackend(SimBackend.NAME, 3).withQuorums(3, 2, 2)
        .withNemesis(NemesisPlan.of("membership", 10));
    cluster = (SimCluster) new SimBackend(io.quorumlab.sim.Trace.Mode.DIGEST, s -> sim = s).deploy(spec).cluster();
    cluster.start();
    members = cluster.membership().orElseThrow();
  }

  private void await(String node, String state) {
    assertThat(sim.runUntil(() -> members.state(node).filter(state::equals).isPresent(), Duration.ofSeconds(120)))
        .as(node + " " + state).isTrue();
  }

  private boolean everyRingHas(String node) {
    return cluster.nodes().stream().allMatch(n -> sim.node(n).node().ring().contains(node));
  }

  @Test
  void aNodeJoinsLeavesAndAnotherCrashesAndIsRemoved() throws Exception {
    members.join("n4");
    assertThat(members.state("n4")).hasValue("JOINING");
    await("n4", "UP");
    assertThat(sim.runUntil(() -> everyRingHas("n4"), Duration.ofSeconds(30))).isTrue();
    assertThat(cluster.nodes()).as("the clients' nodes stay the initial ones").containsExactly("n1", "n2", "n3");

    members.leave("n4");
    await("n4", "LEFT");
    assertThat(sim.runUntil(() -> cluster.nodes().stream().allMatch(n -> members.stateSeenBy(n, "n4").orElse("").equals("LEFT")),
        Duration.ofSeconds(30))).isTrue();
    members.retire("n4");
    assertThat(cluster.nodes()).noneMatch(n -> sim.node(n).node().ring().contains("n4"));

    members.join("n5");
    await("n5", "UP");
    members.crash("n5");
    assertThat(members.state("n5")).isEmpty();
    assertThatThrownBy(() -> members.remove("n5", "n1")).as("not convicted yet").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alive");
    sim.runFor(Duration.ofSeconds(20));
    members.remove("n5", "n1");
    assertThat(sim.runUntil(() -> cluster.nodes().stream().noneMatch(n -> sim.node(n).node().ring().contains("n5")),
        Duration.ofSeconds(30))).isTrue();
    cluster.heal();
    assertThat(sim.node("n5").state()).as("heal restarts no node that crashed for good").isEqualTo(SimNode.State.RETIRED);
    assertThat(sim.nodeFailures()).isZero();
  }
}
