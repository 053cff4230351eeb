package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A node's gossip generation must grow across every restart, whatever its data's fsync policy and
 * its clock do: peers take a lower or equal generation for an old incarnation and ignore it.
 */
class GenerationDurabilityTest {

  @Test
  void aPowerLossUnderFsyncNeverKeepsTheGenerationAndAClockSetBackDoesNotReuseIt() {
    SimConfig c = SimConfig.of(3, 5);
    NodeConfig t = c.template().toBuilder().fsync(FsyncPolicy.NEVER).build();
    Simulation sim = Clusters.started(c.withTemplate(t).withDisk(DiskConfig.defaults()), Duration.ofSeconds(2));
    long before = sim.node("n1").generation();
    sim.kill("n1"); // a power loss: what was not synced is gone
    sim.shiftClock("n1", -60_000_000L); // and the machine's clock comes back a minute early
    sim.restart("n1");
    sim.runFor(Duration.ofSeconds(1));
    assertThat(sim.node("n1").generation()).isGreaterThan(before);
  }
}
