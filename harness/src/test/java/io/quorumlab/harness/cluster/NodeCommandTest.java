package io.quorumlab.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeCommandTest {

  @Test
  void theCommandServesTheConfigWithThisJvmsJavaAndTheGivenOptionsInOrder() {
    NodeCommand command = new NodeCommand(List.of("-Xmx64m", "-XX:+UseSerialGC"), Map.of("quorumlab.node", "n2"),
        List.of("/a.jar", "/b"), "x.Main").withProperty("quorumlab.cluster", "c1");
    List<String> cmd = command.serve(Path.of("n2", "node.json"));
    assertThat(cmd.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    assertThat(cmd.subList(1, cmd.size())).containsExactly("-Xmx64m", "-XX:+UseSerialGC", "-Dquorumlab.cluster=c1",
        "-Dquorumlab.node=n2", "-cp", "/a.jar" + File.pathSeparator + "/b", "x.Main", "serve", "--config",
        Path.of("n2", "node.json").toAbsolutePath().toString());
  }

  @Test
  void byDefaultANodeRunsOnThisJvmsClasspath() {
    assertThat(NodeCommand.of(List.of(), "x.Main").classpath()).isEqualTo(Classpath.current());
  }
}
