package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cli.store.ClusterState;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import io.quorumlab.store.server.NodeServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve}, {@code cluster} and {@code kv} through Main.run, as a user runs them. */
class StoreCommandsTest {
  @TempDir Path tmp;

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static String context(String getOutput) {
    Matcher m = Pattern.compile("context: (\\S+)").matcher(getOutput);
    assertThat(m.find()).as(getOutput).isTrue();
    return m.group(1);
  }

  @Test
  void blindPutsLeaveSiblingsAndAPutWithTheContextSupersedesThem() throws Exception {
    int port = freePort();
    NodeConfig c = NodeConfig.defaults("n1", port, tmp.resolve("n1").toString(), Map.of("n1", "127.0.0.1:" + port))
        .toBuilder().n(1).w(1).r(1).storage("memory").build();
    try (NodeServer server = NodeServer.start(c)) {
      String address = "127.0.0.1:" + port;
      assertThat(run("kv", "put", "cart", "apple", "--address", address).code()).isZero();
      assertThat(run("kv", "put", "cart", "pear", "--address", address).code()).isZero();
      CliRun get = run("kv", "get", "cart", "--address", address);
      assertThat(get.code()).isZero();
      assertThat(get.out()).contains("2 siblings").contains("  apple").contains("  pear");

      assertThat(run("kv", "put", "cart", "apple,pear", "--context", context(get.out()), "--address", address).code()).isZero();
      CliRun resolved = run("kv", "get", "cart", "--address", address);
      assertThat(resolved.out()).contains("1 sibling").contains("  apple,pear").doesNotContain("  pear\n");

      CliRun deleted = run("kv", "delete", "cart", "--context", context(resolved.out()), "--address", address);
      assertThat(deleted.code()).isZero();
      assertThat(run("kv", "get", "cart", "--address", address).out()).contains("not found");

      // The node refuses W > N itself when the CLI cannot know N.
      CliRun w2 = run("kv", "put", "cart", "x", "--w", "2", "--address", address);
      assertThat(w2.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(w2.err()).contains("w=2 exceeds n=1").doesNotContain("Exception");

      CliRun badContext = run("kv", "put", "cart", "x", "--context", "%%%", "--address", address);
      assertThat(badContext.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    }
    // Nothing listens any more: a definite failure, exit 1.
    CliRun down = run("kv", "get", "cart", "--address", "127.0.0.1:" + port);
    assertThat(down.code()).isEqualTo(1);
    assertThat(down.err()).contains("cannot connect");
  }

  @Test
  void impossibleSettingsAreRefusedWithOneLineAnd254() throws Exception {
    CliRun tooFew = run("cluster", "start", "--nodes", "3", "--n", "4", "--dir", tmp.resolve("c").toString());
    assertThat(tooFew.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(tooFew.err().strip()).isEqualTo("quorumlab: refusing to start: n=4 exceeds --nodes 3");

    CliRun wOverN = run("cluster", "start", "--nodes", "3", "--w", "4", "--dir", tmp.resolve("c").toString());
    assertThat(wOverN.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(wOverN.err()).contains("w=4 must be between 1 and n=3");

    Path dir = tmp.resolve("state");
    new ClusterState(3, 2, 2, List.of(new ClusterState.Node("n1", "127.0.0.1", 1, 1, 0, "x", "y"))).write(dir);
    CliRun unknown = run("kv", "get", "k", "--node", "n9", "--dir", dir.toString());
    assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(unknown.err()).contains("unknown node 'n9'");
    CliRun rOverN = run("kv", "get", "k", "--r", "4", "--dir", dir.toString());
    assertThat(rOverN.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(rOverN.err()).contains("--r 4 exceeds N=3");
    CliRun noCluster = run("kv", "get", "k", "--dir", tmp.resolve("nothing").toString());
    assertThat(noCluster.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(noCluster.err()).contains("no cluster in");

    Path config = tmp.resolve("node.json");
    NodeConfigJson.write(NodeConfig.defaults("n1", 7001, tmp.toString(), Map.of("n1", "127.0.0.1:7001")), config);
    CliRun serve = run("serve", "--config", config.toString());
    assertThat(serve.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(serve.err()).contains("n=3 exceeds the cluster size 1");
  }

  @Test
  void clusterStartRunsRealProcessesThatKvReachesAndStopEndsThem() throws Exception {
    String dir = tmp.resolve("cluster").toString();
    CliRun start = run("cluster", "start", "--nodes", "2", "--n", "2", "--w", "2", "--r", "1", "--storage", "memory",
        "--heap", "96m", "--dir", dir);
    try {
      assertThat(start.code()).as(start.err()).isZero();
      assertThat(start.out()).contains("n1 127.0.0.1:").contains("n2 127.0.0.1:");
      assertThat(run("kv", "put", "k", "v", "--node", "n2", "--dir", dir).code()).isZero();
      CliRun get = run("kv", "get", "k", "--node", "n1", "--dir", dir);
      assertThat(get.out()).contains("1 sibling").contains("  v");
      CliRun again = run("cluster", "start", "--nodes", "2", "--dir", dir);
      assertThat(again.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(again.err()).contains("already running");
    } finally {
      CliRun stop = run("cluster", "stop", "--dir", dir);
      assertThat(stop.code()).as(stop.out() + stop.err()).isZero();
      assertThat(stop.out()).contains("n1 stopped").contains("n2 stopped");
    }
    assertThat(ClusterState.exists(Path.of(dir))).isFalse();
  }
}
