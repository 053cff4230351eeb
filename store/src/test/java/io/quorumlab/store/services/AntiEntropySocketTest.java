package io.quorumlab.store.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.testing.InJvmCluster;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nodes, N=3, strict quorum (no hints), read repair off, anti-entropy every 300 ms: only the
 * Merkle-tree exchanges can bring a replica back. A replica that missed 1% of the writes is repaired
 * with traffic far below a full copy; a replica whose data directory was wiped converges to full
 * agreement (the transfer is then necessarily the whole data).
 */
class AntiEntropySocketTest {
  static final int KEYS = 4000;
  static final int DIVERGENT = KEYS / 100;

  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static void putAll(NettyStoreClient client, List<String> keys, String prefix, RequestOptions options) {
    List<CompletableFuture<PutResult>> pending = new ArrayList<>();
    for (String key : keys) {
      pending.add(client.putAsync(key, b(prefix + key), Context.EMPTY, options));
      if (pending.size() >= 64) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  /** Keys whose state at {@code node} differs from n1's. */
  static List<String> disagreeing(InJvmCluster cluster, String node, List<String> keys) throws Exception {
    List<String> differ = new ArrayList<>();
    for (String key : keys) {
      Siblings mine = cluster.server(node).localState(key);
      Siblings reference = cluster.server("n1").localState(key);
      if (!mine.sameWrites(reference) || mine.isEmpty()) {
        differ.add(key);
      }
    }
    return differ;
  }

  static long fullCopyBytes(InJvmCluster cluster, List<String> keys) throws Exception {
    long bytes = 0;
    for (String key : keys) {
      bytes += key.length() + VersionCodec.encode(cluster.server("n1").localState(key)).length;
    }
    return bytes;
  }

  static void wipe(Path path) throws Exception {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void antiEntropyAloneRepairsASmallDivergenceCheaplyAndAWipedReplicaCompletely() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(3, dir, c -> c.withFsync(FsyncPolicy.NEVER).withVnodes(32)
        .withGossipIntervalMs(200).withAntiEntropyIntervalMs(300).withReadRepair(ReadRepair.OFF).withQuorum(Quorum.STRICT))) {
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        keys.add("key-" + i);
      }
      NettyStoreClient client = cluster.client("n1");
      putAll(client, keys, "v1-", RequestOptions.DEFAULTS.withW(3));
      assertThat(disagreeing(cluster, "n3", keys)).isEmpty();

      // n3 misses 1% of the writes (strict quorum: no fallback, no hint).
      cluster.stop("n3");
      Await.until(Duration.ofSeconds(5), () -> !cluster.status("n1").member("n3").routable(), () -> "n3 still routable");
      List<String> updated = keys.subList(0, DIVERGENT);
      putAll(client, updated, "v2-", RequestOptions.DEFAULTS.withW(2));
      cluster.start("n3");
      assertThat(disagreeing(cluster, "n3", keys)).hasSize(DIVERGENT);
      long repairMs = Await.until(Duration.ofSeconds(20), () -> {
        try {
          return disagreeing(cluster, "n3", updated).isEmpty();
        } catch (Exception e) {
          return false;
        }
      }, () -> "n3 repaired");
      assertThat(disagreeing(cluster, "n3", keys)).isEmpty();
      NodeStatus.AntiEntropy ae = cluster.status("n3").antiEntropy();
      long full = fullCopyBytes(cluster, keys);
      System.out.printf("[anti-entropy] %d keys, %d divergent: repaired in %d ms with %d bytes at n3 (%d sessions), full copy %d bytes: %.1f%%%n",
          KEYS, DIVERGENT, repairMs, ae.bytes(), ae.sessions(), full, 100.0 * ae.bytes() / full);
      assertThat(ae.keysRepaired()).isEqualTo(DIVERGENT);
      assertThat(ae.bytes()).isLessThan(full / 4);

      // A wiped replica: the exchange is the data itself, and it must end in full agreement.
      cluster.stop("n3");
      wipe(Path.of(cluster.config("n3").dataDir()));
      cluster.start("n3");
      long wipedMs = Await.until(Duration.ofSeconds(30), () -> cluster.status("n3").antiEntropy().keysRepaired() >= KEYS,
          () -> "n3 refilled: " + cluster.status("n3").antiEntropy());
      Await.until(Duration.ofSeconds(10), () -> {
        try {
          return disagreeing(cluster, "n3", keys).isEmpty();
        } catch (Exception e) {
          return false;
        }
      }, () -> "n3 agrees on every key");
      NodeStatus.AntiEntropy refill = cluster.status("n3").antiEntropy();
      System.out.printf("[anti-entropy] wiped replica: %d keys back in %d ms, %d bytes at n3 (full copy %d bytes)%n",
          KEYS, wipedMs, refill.bytes(), full);
      assertThat(refill.bytes()).isGreaterThanOrEqualTo(full);
    }
  }
}
