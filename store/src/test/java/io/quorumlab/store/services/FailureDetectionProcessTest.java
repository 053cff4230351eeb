package io.quorumlab.store.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.testing.NodeProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes as processes with the DEFAULT gossip and detector settings (1 s rounds, fanout 3,
 * phi 8). A paused node (SIGSTOP: its connections stay open, so only phi can notice) and a killed
 * one are each convicted by both other nodes within {@link #CONVICTION_BOUND}; routing then skips
 * them (strict W=3 fails as unavailable instead of timing out). The paused node is seen up again on
 * SIGCONT, the killed one after its restart, under a larger generation.
 *
 * <p>The bound: a peer whose heartbeats arrived every ~1 s is convicted after about mean (1 s) +
 * acceptable pause (3 s) + 5.23 x the deviation floor (0.2 s) = 5.05 s without news of it, and gossip
 * news of a heartbeat is itself up to a round or two old: 5 to 8.5 s after the failure. 15 s leaves
 * room for a loaded machine.
 */
class FailureDetectionProcessTest {
  static final Duration CONVICTION_BOUND = Duration.ofSeconds(15);

  @TempDir Path dir;

  static String detector(NodeProcesses nodes, String observer, String member) {
    NodeStatus s = nodes.status(observer);
    return s == null || s.member(member) == null ? "?" : s.member(member).detector();
  }

  @Test
  void pausedAndKilledNodesAreConvictedWithinTheBoundAndComeBack() throws Exception {
    try (NodeProcesses nodes = new NodeProcesses(3, dir, "96m", c -> c.withFsync(FsyncPolicy.NEVER).withVnodes(32)
        .withQuorum(Quorum.STRICT))) {
      List<String> observers = List.of("n1", "n2");
      Await.until(Duration.ofSeconds(20), () -> observers.stream().allMatch(o -> detector(nodes, o, "n3").equals("up")
          && nodes.status(o).member("n3").routable()), () -> "n3 up at n1 and n2");
      long generation = nodes.status("n3").generation();
      NettyStoreClient client = nodes.client("n1");
      RequestOptions w3 = RequestOptions.DEFAULTS.withW(3);
      client.put("k", "v".getBytes(StandardCharsets.UTF_8), Context.EMPTY, w3);

      nodes.pause("n3");
      long paused = Await.until(CONVICTION_BOUND, () -> observers.stream().allMatch(o -> detector(nodes, o, "n3").equals("down")),
          () -> "paused n3 at n1, n2: " + observers.stream().map(o -> detector(nodes, o, "n3")).toList());
      NodeStatus.Member seen = nodes.status("n1").member("n3");
      assertThat(seen.linkUp()).as("a paused node's connection stays up: phi alone convicted it").isTrue();
      assertThat(seen.routable()).isFalse();
      assertThatThrownBy(() -> client.put("k", "w".getBytes(StandardCharsets.UTF_8), Context.EMPTY, w3))
          .isInstanceOf(UnavailableException.class);
      nodes.resume("n3");
      Await.until(Duration.ofSeconds(10), () -> observers.stream().allMatch(o -> detector(nodes, o, "n3").equals("up")),
          () -> "resumed n3");
      assertThat(nodes.status("n3").generation()).isEqualTo(generation);

      nodes.kill("n3");
      long killed = Await.until(CONVICTION_BOUND, () -> observers.stream().allMatch(o -> detector(nodes, o, "n3").equals("down")),
          () -> "killed n3 at n1, n2: " + observers.stream().map(o -> detector(nodes, o, "n3")).toList());
      System.out.printf("[detector] defaults, 3 processes: paused node convicted by both others after %d ms, killed node after %d ms%n",
          paused, killed);
      nodes.launch("n3");
      nodes.awaitUp("n3", 60_000);
      Await.until(Duration.ofSeconds(15), () -> observers.stream().allMatch(o -> {
        NodeStatus.Member m = nodes.status(o).member("n3");
        return m.detector().equals("up") && m.generation() > generation && m.routable();
      }), () -> "restarted n3 up with a new generation");
      client.put("k", "x".getBytes(StandardCharsets.UTF_8), Context.EMPTY, w3);
    }
  }
}
