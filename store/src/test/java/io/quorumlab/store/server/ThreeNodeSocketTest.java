package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.UnavailableException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real nodes on loopback sockets in this JVM. */
class ThreeNodeSocketTest {
  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> values(GetResult r) {
    return r.siblings().stream().map(v -> new String(v, StandardCharsets.UTF_8)).sorted().toList();
  }

  @Test
  void concurrentBlindPutsBecomeSiblingsAndAPutWithTheirContextResolvesThem() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withFsync(FsyncPolicy.NEVER))) {
      NettyStoreClient c1 = cluster.client("n1");
      NettyStoreClient c2 = cluster.client("n2");
      NettyStoreClient c3 = cluster.client("n3");
      CompletableFuture<PutResult> a = c1.putAsync("cart", b("apple"), Context.EMPTY, RequestOptions.DEFAULTS);
      CompletableFuture<PutResult> p = c2.putAsync("cart", b("pear"), Context.EMPTY, RequestOptions.DEFAULTS);
      CompletableFuture<PutResult> f = c3.putAsync("cart", b("fig"), Context.EMPTY, RequestOptions.DEFAULTS);
      CompletableFuture.allOf(a, p, f).get();

      GetResult read = c1.get("cart", RequestOptions.DEFAULTS);
      assertThat(values(read)).containsExactly("apple", "fig", "pear");

      // Two blind puts through the same node are concurrent too.
      c1.put("one-node", b("x"), Context.EMPTY, RequestOptions.DEFAULTS);
      c1.put("one-node", b("y"), Context.EMPTY, RequestOptions.DEFAULTS);
      assertThat(values(c2.get("one-node", RequestOptions.DEFAULTS))).containsExactly("x", "y");

      c3.put("cart", b("apple+fig+pear"), read.context(), RequestOptions.DEFAULTS);
      for (NettyStoreClient c : List.of(c1, c2, c3)) {
        assertThat(values(c.get("cart", RequestOptions.DEFAULTS.withR(3)))).containsExactly("apple+fig+pear");
      }

      // A delete with the context removes the value; the key then reads as absent.
      GetResult resolved = c2.get("cart", RequestOptions.DEFAULTS);
      c2.delete("cart", resolved.context(), RequestOptions.DEFAULTS);
      GetResult gone = c1.get("cart", RequestOptions.DEFAULTS.withR(3));
      assertThat(gone.found()).isFalse();
      assertThat(gone.context().isEmpty()).isFalse();
    }
  }

  @Test
  void lwwSilentlyLosesOneOfTwoConcurrentWrites() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withConflicts(ConflictMode.LWW).withFsync(FsyncPolicy.NEVER))) {
      NettyStoreClient c1 = cluster.client("n1");
      NettyStoreClient c2 = cluster.client("n2");
      CompletableFuture.allOf(
          c1.putAsync("k", b("from-n1"), Context.EMPTY, RequestOptions.DEFAULTS),
          c2.putAsync("k", b("from-n2"), Context.EMPTY, RequestOptions.DEFAULTS)).get();
      GetResult r = cluster.client("n3").get("k", RequestOptions.DEFAULTS.withR(3));
      assertThat(r.siblings()).hasSize(1);
      assertThat(values(r)).containsAnyOf("from-n1", "from-n2");
    }
  }

  @Test
  void abdReadsReturnTheLatestWrittenValue() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withConflicts(ConflictMode.ABD)
        .withReadRepair(io.quorumlab.store.config.ReadRepair.BLOCKING).withQuorum(io.quorumlab.store.config.Quorum.STRICT)
        .withFsync(FsyncPolicy.NEVER))) {
      List<NettyStoreClient> clients = List.of(cluster.client("n1"), cluster.client("n2"), cluster.client("n3"));
      for (int i = 0; i < 30; i++) {
        clients.get(i % 3).put("reg", b("v" + i), Context.EMPTY, RequestOptions.DEFAULTS);
        for (NettyStoreClient reader : clients) {
          assertThat(values(reader.get("reg", RequestOptions.DEFAULTS))).containsExactly("v" + i);
        }
      }
      clients.get(1).delete("reg", Context.EMPTY, RequestOptions.DEFAULTS);
      assertThat(clients.get(2).get("reg", RequestOptions.DEFAULTS).found()).isFalse();
    }
  }

  @Test
  void impossibleRequestsAreRefusedAndADeadNodeIsUnavailable() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withFsync(FsyncPolicy.NEVER))) {
      NettyStoreClient c1 = cluster.client("n1");
      assertThatThrownBy(() -> c1.put("k", b("v"), Context.EMPTY, RequestOptions.DEFAULTS.withW(4)))
          .isInstanceOf(InvalidRequestException.class).hasMessageContaining("w=4 exceeds n=3");
      assertThatThrownBy(() -> c1.get("k", RequestOptions.DEFAULTS.withR(5)))
          .isInstanceOf(InvalidRequestException.class);
      NettyStoreClient c3 = cluster.client("n3");
      cluster.stop("n3");
      assertThatThrownBy(() -> c3.get("k", RequestOptions.DEFAULTS)).isInstanceOf(UnavailableException.class);
      assertThatThrownBy(() -> c3.put("k", b("v"), Context.EMPTY, RequestOptions.DEFAULTS))
          .isInstanceOf(UnavailableException.class).hasMessageContaining("cannot connect");
    }
  }
}
