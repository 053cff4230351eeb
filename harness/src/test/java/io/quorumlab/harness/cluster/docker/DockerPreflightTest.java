package io.quorumlab.harness.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.ClusterUnavailableException;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.harness.testing.RequiresDocker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The docker backend refuses at once, with the fix, when it cannot run. */
class DockerPreflightTest {

  /** In a child JVM: tries to start a docker cluster and prints what it threw. */
  public static final class TryStart {
    public static void main(String[] args) throws Exception {
      long t0 = System.nanoTime();
      try (DockerCluster c = new DockerCluster(DockerClusterOptions.of(3, NodeConfigs.template()))) {
        c.start();
        System.out.println("READY started?!");
      } catch (ClusterUnavailableException e) {
        System.out.println("READY " + (System.nanoTime() - t0) / 1_000_000 + " ms " + e.getClass().getSimpleName() + ": " + e.getMessage());
      }
    }
  }

  @Test
  void noEngineFailsAtOnceSayingHowToFixIt() throws Exception {
    ChildJvm child = ChildJvm.start(Map.of("DOCKER_HOST", "unix:///nonexistent/docker.sock"), TryStart.class);
    assertThat(child.readyLine).as(child.output).isNotNull()
        .contains("ClusterUnavailableException: the docker backend needs a Docker engine, and there is none at unix:///nonexistent/docker.sock")
        .contains("--backend local");
    long ms = Long.parseLong(child.readyLine.split(" ")[1]);
    assertThat(ms).isLessThan(5000);
    assertThat(child.awaitExit(30)).isTrue();
  }

  @Test
  @RequiresDocker
  void aMissingBaseImageFailsBeforeAnyContainerStarts() {
    DockerCluster c = new DockerCluster(DockerClusterOptions.of(3, NodeConfigs.template()).withBaseImage("quorumlab/no-such-base:never"));
    assertThatThrownBy(c::start)
        .isInstanceOf(ClusterUnavailableException.class)
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("base image quorumlab/no-such-base:never is missing and could not be pulled")
        .hasMessageContaining("scripts/build-base-image.sh")
        .hasMessageContaining("QUORUMLAB_BASE_IMAGE")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(DockerEngine.client().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(Labels.RUN, c.runId())).exec()).isEmpty();
    c.close();
  }
}
