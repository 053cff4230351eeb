package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cli.store.ClusterState;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cluster join}, {@code leave} and {@code status} on a local cluster of real processes:
 * refusals exit 254 and change nothing; a join and a leave move the data so that every key written
 * before is still read afterwards.
 */
class ClusterMembershipCommandsTest {
  @TempDir Path tmp;

  @Test
  void joinAndLeaveMoveDataAndRefusalsChangeNothing() throws Exception {
    String dir = tmp.resolve("cluster").toString();
    CliRun start = run("cluster", "start", "--nodes", "3", "--n", "3", "--w", "2", "--r", "2", "--storage", "memory",
        "--heap", "96m", "--vnodes", "32", "--gossip-interval-ms", "200", "--dir", dir);
    try {
      assertThat(start.code()).as(start.err()).isZero();
      for (int i = 0; i < 20; i++) {
        assertThat(run("kv", "put", "k" + i, "v" + i, "--node", "n" + (1 + i % 3), "--dir", dir).code()).isZero();
      }

      // Refusals: one line, 254, and the cluster is as before.
      CliRun tooSmall = run("cluster", "leave", "n2", "--dir", dir);
      assertThat(tooSmall.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(tooSmall.err()).contains("fewer than N=3").contains("nothing moved").doesNotContain("Exception");
      CliRun present = run("cluster", "join", "n1", "--dir", dir);
      assertThat(present.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(present.err()).contains("already a member");
      try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        CliRun unreachable = run("cluster", "join", "n5", "--port", Integer.toString(taken.getLocalPort()), "--dir", dir);
        assertThat(unreachable.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(unreachable.err()).contains("unreachable").contains("nothing moved");
      }
      CliRun unknown = run("cluster", "leave", "n9", "--dir", dir);
      assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(ClusterState.read(Path.of(dir)).nodes()).hasSize(3);
      assertThat(run("cluster", "status", "--dir", dir).out()).doesNotContain("n5");

      // Join n4: it starts, streams its ranges and is UP everywhere.
      CliRun join = run("cluster", "join", "n4", "--heap", "96m", "--dir", dir);
      assertThat(join.code()).as(join.out() + join.err()).isZero();
      assertThat(join.out()).contains("n4 joined");
      assertThat(ClusterState.read(Path.of(dir)).nodes()).extracting(ClusterState.Node::id).containsExactly("n1", "n2", "n3", "n4");
      NodeConfig n1 = NodeConfigJson.read(Path.of(ClusterState.read(Path.of(dir)).node("n1", Path.of(dir)).config()));
      assertThat(n1.members()).containsKey("n4");
      CliRun again = run("cluster", "join", "n4", "--dir", dir);
      assertThat(again.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);

      // Leave n1: it hands off and stops; the keys are all still there.
      CliRun leave = run("cluster", "leave", "n1", "--dir", dir);
      assertThat(leave.code()).as(leave.out() + leave.err()).isZero();
      assertThat(leave.out()).contains("n1 left").contains("process stopped");
      assertThat(ClusterState.read(Path.of(dir)).nodes()).extracting(ClusterState.Node::id).containsExactly("n2", "n3", "n4");
      for (int i = 0; i < 20; i++) {
        CliRun get = run("kv", "get", "k" + i, "--node", "n4", "--r", "3", "--dir", dir);
        assertThat(get.out()).as("k" + i + ": " + get.err()).contains("  v" + i);
      }

      CliRun status = run("cluster", "status", "--node", "n4", "--dir", dir);
      assertThat(status.code()).as(status.out()).isZero();
      assertThat(status.out()).contains("view of n4 (UP").contains("detector").contains("phi").contains("ownership")
          .contains("anti-entropy").contains("hints held");
      assertThat(status.out()).containsPattern("n1\\s+LEFT\\s+left");
      assertThat(status.out()).containsPattern("n2\\s+UP\\s+up");
    } finally {
      CliRun stop = run("cluster", "stop", "--dir", dir);
      assertThat(stop.code()).as(stop.out() + stop.err()).isZero();
    }
  }

  @Test
  void removeTakesADeadNodeOutOfTheRingAndRefusesALiveOrUnknownOne() throws Exception {
    String dir = tmp.resolve("removal").toString();
    CliRun start = run("cluster", "start", "--nodes", "4", "--n", "3", "--w", "2", "--r", "2", "--storage", "memory",
        "--heap", "96m", "--vnodes", "32", "--gossip-interval-ms", "200", "--start-timeout-ms", "120000", "--dir", dir);
    try {
      assertThat(start.code()).as(start.err()).isZero();
      for (int i = 0; i < 10; i++) {
        assertThat(run("kv", "put", "k" + i, "v" + i, "--node", "n1", "--dir", dir).code()).isZero();
      }
      CliRun alive = run("cluster", "remove", "n4", "--dir", dir);
      assertThat(alive.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(alive.err()).contains("alive").contains("nothing removed").doesNotContain("Exception");
      CliRun unknown = run("cluster", "remove", "n9", "--dir", dir);
      assertThat(unknown.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(unknown.err()).contains("unknown node 'n9'");
      assertThat(ClusterState.read(Path.of(dir)).nodes()).hasSize(4);

      ClusterState.Node n4 = ClusterState.read(Path.of(dir)).node("n4", Path.of(dir));
      ProcessHandle h = ProcessHandle.of(n4.pid()).orElseThrow();
      h.destroyForcibly();
      h.onExit().get();
      CliRun removed = run("cluster", "remove", "n4", "--dir", dir);
      assertThat(removed.code()).as(removed.out() + removed.err()).isZero();
      assertThat(removed.out()).contains("n4 removed through n1");
      assertThat(ClusterState.read(Path.of(dir)).nodes()).extracting(ClusterState.Node::id).containsExactly("n1", "n2", "n3");
      assertThat(run("cluster", "status", "--node", "n2", "--dir", dir).out()).containsPattern("n4\\s+LEFT");
      for (int i = 0; i < 10; i++) {
        CliRun get = run("kv", "get", "k" + i, "--node", "n2", "--r", "2", "--dir", dir);
        assertThat(get.out()).as("k" + i + ": " + get.err()).contains("  v" + i);
      }
    } finally {
      run("cluster", "stop", "--dir", dir);
    }
  }
}
