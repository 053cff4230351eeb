package io.quorumlab.store.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gossip membership over real sockets, four nodes in this JVM with 200 ms rounds (the detector's
 * settings scale with the round, see MembershipService#gossipConfig): a stopped node is convicted
 * by every other node's phi-accrual detector within the stated bound, and a restarted one is seen
 * up again under a larger generation.
 */
class MembershipSocketTest {
  /** 200 ms rounds: about 1 s of silence convicts, plus a few rounds of gossip lag; generous for a loaded machine. */
  static final Duration CONVICTION_BOUND = Duration.ofSeconds(5);

  @TempDir Path dir;

  static String detector(InJvmCluster cluster, String observer, String member) {
    NodeStatus.Member m = cluster.status(observer).member(member);
    return m == null ? "absent" : m.detector();
  }

  @Test
  void aStoppedNodeIsConvictedEverywhereAndRejoinsWithANewGeneration() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(4, dir, c -> c.withFsync(FsyncPolicy.NEVER).withVnodes(32)
        .withGossipIntervalMs(200))) {
      List<String> others = List.of("n1", "n2", "n3");
      Await.until(Duration.ofSeconds(10), () -> cluster.nodes().stream().allMatch(o -> cluster.nodes().stream()
          .allMatch(m -> o.equals(m) || detector(cluster, o, m).equals("up"))), () -> "every node sees every other up");
      long generation = cluster.status("n1").member("n4").generation();
      assertThat(generation).isEqualTo(cluster.status("n4").generation());

      cluster.stop("n4");
      long convicted = Await.until(CONVICTION_BOUND, () -> others.stream().allMatch(o -> detector(cluster, o, "n4").equals("down")),
          () -> "n4 as seen by n1..n3: " + others.stream().map(o -> detector(cluster, o, "n4")).toList());
      System.out.printf("[membership] 200 ms rounds: a stopped node convicted by all 3 others in %d ms%n", convicted);
      // Routing skips it; every other member stays up.
      assertThat(cluster.status("n1").member("n4").routable()).isFalse();
      assertThat(cluster.status("n1").member("n2").detector()).isEqualTo("up");

      cluster.start("n4");
      Await.until(Duration.ofSeconds(10), () -> others.stream().allMatch(o -> detector(cluster, o, "n4").equals("up")
          && cluster.status(o).member("n4").generation() > generation), () -> "n4 back with a new generation");
      long restarted = cluster.status("n4").generation();
      assertThat(restarted).isGreaterThan(generation);
      // Routable again once n2's own link to it has reconnected, too.
      Await.until(Duration.ofSeconds(5), () -> cluster.status("n2").member("n4").routable(), () -> "n4 routable at n2");
      // The restarted node learnt everyone back.
      Await.until(Duration.ofSeconds(10), () -> others.stream().allMatch(m -> detector(cluster, "n4", m).equals("up")),
          () -> "n4 sees the others up");
    }
  }
}
