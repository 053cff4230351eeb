package io.quorumlab.harness.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.testing.RelayClient;
import io.quorumlab.harness.testing.RelayNode;
import io.quorumlab.harness.testing.RequiresDocker;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@RequiresDocker
class DockerClusterRelayTest {
  private static DockerCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    long t0 = System.nanoTime();
    cluster = new DockerCluster(DockerClusterOptions.of(3, NodeConfigs.template()).withMainClass(RelayNode.class.getName())
        .withJvmArgs(List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1")));
    cluster.start();
    System.out.println("docker relay cluster started in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
  }

  @AfterAll
  static void stop() {
    if (cluster != null) cluster.close();
  }

  private static String ping(String node) {
    try (RelayClient c = new RelayClient(cluster.clientAddress(node), 1000)) {
      return c.call("ping");
    } catch (IOException e) {
      return "unreachable";
    }
  }

  @Test
  void smoke() throws Exception {
    for (String n : cluster.nodes()) assertThat(ping(n)).isEqualTo("pong");
    System.out.println(cluster.capabilities());
    assertThat(Link.all(cluster.nodes())).hasSize(6);
  }
}
