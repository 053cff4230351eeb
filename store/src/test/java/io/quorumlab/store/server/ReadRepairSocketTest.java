package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * n3 misses a write while it is stopped (its disk survives), comes back stale, and a get at
 * R=3 sees the difference. What happens to n3 depends on the read-repair mode.
 */
class ReadRepairSocketTest {
  @TempDir Path dir;

  InJvmCluster clusterWithStaleN3(ReadRepair mode) throws Exception {
    InJvmCluster cluster = new InJvmCluster(3, dir.resolve(mode.name()), c -> c.withReadRepair(mode)
        .withQuorum(Quorum.STRICT).withFsync(FsyncPolicy.NEVER));
    cluster.stop("n3");
    cluster.client("n1").put("k", "fresh".getBytes(StandardCharsets.UTF_8), Context.EMPTY, RequestOptions.DEFAULTS);
    cluster.start("n3");
    for (String n : cluster.nodes()) {
      assertThat(cluster.server(n).awaitPeers(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(cluster.server("n3").localState("k").isEmpty()).isTrue();
    return cluster;
  }

  static boolean holds(InJvmCluster cluster, String node) throws Exception {
    return !cluster.server(node).localState("k").live().isEmpty();
  }

  @Test
  void offLeavesTheStaleReplicaStale() throws Exception {
    try (InJvmCluster cluster = clusterWithStaleN3(ReadRepair.OFF)) {
      GetResult r = cluster.client("n1").get("k", RequestOptions.DEFAULTS.withR(3));
      assertThat(r.siblings()).hasSize(1);
      Thread.sleep(300);
      assertThat(holds(cluster, "n3")).isFalse();
    }
  }

  @Test
  void asyncHealsItAfterTheGet() throws Exception {
    try (InJvmCluster cluster = clusterWithStaleN3(ReadRepair.ASYNC)) {
      GetResult r = cluster.client("n2").get("k", RequestOptions.DEFAULTS.withR(3));
      assertThat(r.siblings()).hasSize(1);
      await().atMost(Duration.ofSeconds(5)).until(() -> holds(cluster, "n3"));
    }
  }

  @Test
  void blockingHealsItBeforeTheGetReturns() throws Exception {
    try (InJvmCluster cluster = clusterWithStaleN3(ReadRepair.BLOCKING)) {
      GetResult r = cluster.client("n1").get("k", RequestOptions.DEFAULTS.withR(3).withW(3));
      assertThat(r.siblings()).hasSize(1);
      assertThat(holds(cluster, "n3")).isTrue();
    }
  }
}
