package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Five real nodes, N=3: most keys have coordinators that are not replicas. */
class FiveNodeSocketTest {
  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> values(GetResult r) {
    return r.siblings().stream().map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }

  @Test
  void siblingsAndResolutionAcrossFiveNodes() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(5, dir, c -> c.withFsync(FsyncPolicy.NEVER))) {
      List<NettyStoreClient> clients = new ArrayList<>();
      for (String n : cluster.nodes()) {
        clients.add(cluster.client(n));
      }
      Ring ring = Ring.of(cluster.nodes(), 256);
      int forwarded = 0;
      for (int k = 0; k < 20; k++) {
        String key = "key-" + k;
        List<CompletableFuture<PutResult>> puts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
          puts.add(clients.get(i).putAsync(key, b("w" + i), Context.EMPTY, RequestOptions.DEFAULTS));
          forwarded += ring.preferenceList(key, 3).contains("n" + (i + 1)) ? 0 : 1;
        }
        CompletableFuture.allOf(puts.toArray(new CompletableFuture[0])).get();
        GetResult read = clients.get(k % 5).get(key, RequestOptions.DEFAULTS);
        assertThat(values(read)).as(key).containsExactly("w0", "w1", "w2", "w3", "w4");
        clients.get((k + 1) % 5).put(key, b("final"), read.context(), RequestOptions.DEFAULTS);
        assertThat(values(clients.get((k + 2) % 5).get(key, RequestOptions.DEFAULTS))).as(key).containsExactly("final");
      }
      assertThat(forwarded).as("puts that went through a non-replica").isGreaterThan(10);
      for (String n : cluster.nodes()) {
        assertThat(cluster.server(n).pendingOperations()).isLessThanOrEqualTo(1);
      }
    }
  }
}
