package io.quorumlab.harness.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.harness.testing.ClusterChild;
import io.quorumlab.harness.testing.RequiresDocker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A harness interrupted mid-run leaves no container or network behind. */
@RequiresDocker
class DockerHarnessInterruptTest {

  private static ChildJvm childHarness() throws Exception {
    ChildJvm child = ChildJvm.start(Map.of(), ClusterChild.class, "docker", "3", "io.quorumlab.harness.cli.Main");
    assertThat(child.readyLine).as("child output:\n%s", child.output).isNotNull();
    return child;
  }

  private static long containers(String runId) {
    return DockerEngine.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.RUN, runId)).exec().size();
  }

  private static long networks(String runId) {
    return DockerEngine.client().listNetworksCmd().withFilter("label", List.of(Labels.RUN + "=" + runId)).exec().size();
  }

  @Test
  void sigintRemovesEveryContainerAndTheNetwork() throws Exception {
    ChildJvm child = childHarness();
    String runId = child.readyLine.substring(6).trim();
    assertThat(containers(runId)).isEqualTo(3);
    assertThat(networks(runId)).isEqualTo(1);
    child.signal("INT");
    assertThat(child.awaitExit(60)).isTrue();
    assertThat(containers(runId)).isZero();
    assertThat(networks(runId)).isZero();
  }

  @Test
  void containersOfAHarnessKilledWithSigkillAreRemovedByTheNextStart() throws Exception {
    ChildJvm child = childHarness();
    String runId = child.readyLine.substring(6).trim();
    child.signal("KILL");
    assertThat(child.awaitExit(15)).isTrue();
    assertThat(containers(runId)).as("kill -9 runs no hook").isEqualTo(3);
    List<String> removed = StaleRuns.remove();
    assertThat(removed).hasSizeGreaterThanOrEqualTo(4);
    assertThat(containers(runId)).isZero();
    assertThat(networks(runId)).isZero();
  }
}
