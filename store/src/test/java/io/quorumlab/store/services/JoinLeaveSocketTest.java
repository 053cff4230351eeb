package io.quorumlab.store.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.InvalidRequestException;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.ring.Ring;
import io.quorumlab.store.testing.InJvmCluster;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten nodes in this JVM gain an eleventh and then lose one, while two writers keep putting. The
 * joiner ends up holding exactly the keys it replicates in the new ring, each received once
 * (nothing else moved to it, and no old node received anything); the old replicas then drop what
 * moved; and every acknowledged write is still readable afterwards.
 */
class JoinLeaveSocketTest {
  static final int KEYS = 3000;
  static final int VNODES = 64;
  static final UnaryOperator<NodeConfig> SETTINGS = c -> c.withStorage("memory").withVnodes(VNODES)
      .withGossipIntervalMs(200).withAntiEntropyIntervalMs(2000).withRequestTimeoutMs(3000);

  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static boolean allSee(InJvmCluster cluster, List<String> observers, java.util.function.Predicate<NodeStatus> p) {
    return observers.stream().allMatch(o -> p.test(cluster.status(o)));
  }

  @Test
  void joiningMovesOnlyTheJoinersRangesAndNoAcknowledgedWriteIsLostAcrossJoinAndLeave() throws Exception {
    try (InJvmCluster cluster = new InJvmCluster(10, dir, SETTINGS)) {
      List<String> old = cluster.nodes();
      Await.until(Duration.ofSeconds(15), () -> allSee(cluster, old, s -> s.members().stream()
          .allMatch(m -> m.detector().equals("self") || m.detector().equals("up"))), () -> "all up: " + old.stream()
          .map(o -> o + " sees " + cluster.status(o).members().stream().map(m -> m.id() + "=" + m.detector() + "/" + String.format("%.1f", m.phi())).toList()).toList());
      NettyStoreClient n1 = cluster.client("n1");
      List<CompletableFuture<PutResult>> pending = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        pending.add(n1.putAsync("key-" + i, b("v" + i), Context.EMPTY, RequestOptions.DEFAULTS.withW(3)));
        if (pending.size() >= 32) {
          pending.forEach(CompletableFuture::join);
          pending.clear();
        }
      }
      pending.forEach(CompletableFuture::join);

      // Refused: a leave that would leave fewer than N in the ring is checked by the node itself
      // (here with a 3-node view it is not; the refusal path is the CLI test's), and an unknown command.
      assertThatThrownBy(() -> n1.admin("dance")).isInstanceOf(InvalidRequestException.class).hasMessageContaining("unknown admin command");

      Map<String, String> acked = new ConcurrentHashMap<>();
      Set<String> attempted = ConcurrentHashMap.newKeySet();
      AtomicBoolean stop = new AtomicBoolean();
      List<Thread> writers = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        NettyStoreClient c = cluster.client("n" + (t + 1));
        int thread = t;
        Thread w = new Thread(() -> {
          for (int i = 0; i < 200_000 && !stop.get(); i++) {
            String key = "live-" + thread + "-" + i;
            attempted.add(key);
            try {
              c.put(key, b("x" + i), Context.EMPTY, RequestOptions.DEFAULTS.withTimeoutMs(2000));
              acked.put(key, "x" + i);
            } catch (StoreException notAcknowledged) {
              // unavailable or indeterminate: not counted
            }
          }
        });
        w.start();
        writers.add(w);
      }
      Thread.sleep(300);

      // Join n11.
      cluster.join("n11", dir, SETTINGS);
      long joinMs = Await.until(Duration.ofSeconds(40), () -> cluster.status("n11").state().equals("UP"),
          () -> "n11: " + cluster.status("n11").transfer());
      List<String> all = new ArrayList<>(old);
      all.add("n11");
      Await.until(Duration.ofSeconds(10), () -> allSee(cluster, all, s -> s.ringSize() == 11), () -> "ring of 11 everywhere");
      NodeStatus joined = cluster.status("n11");

      Ring eleven = Ring.of(all, VNODES);
      Set<String> expected = new TreeSet<>();
      Set<String> held = new TreeSet<>();
      for (int i = 0; i < KEYS; i++) {
        String key = "key-" + i;
        if (eleven.preferenceList(key, 3).contains("n11")) {
          expected.add(key);
        }
        if (!cluster.server("n11").localState(key).isEmpty()) {
          held.add(key);
        }
      }
      System.out.printf("[join] n11 joined 10 nodes in %d ms: holds %d of %d keys (%.1f%%; it replicates N/11 = %.1f%% of the ring),"
              + " %d entries received (%d bytes)%n", joinMs, held.size(), KEYS, 100.0 * held.size() / KEYS,
          100.0 * 3 / 11, joined.transfer().keysReceived(), joined.transfer().bytesReceived());
      assertThat(held).isEqualTo(expected);
      for (String o : old) {
        assertThat(cluster.status(o).transfer().keysReceived()).as(o + " received nothing").isZero();
      }
      // Each key came from one replica: n11 received no more entries than it holds keys.
      long liveHeld = attempted.stream().filter(k -> !localState(cluster, "n11", k).isEmpty()).count();
      System.out.printf("[join] n11 received %d entries and holds %d keys (%d initial, %d written during the join)%n",
          joined.transfer().keysReceived(), held.size() + liveHeld, held.size(), liveHeld);
      assertThat(joined.transfer().keysReceived()).as("entries received vs keys held").isLessThanOrEqualTo(held.size() + liveHeld);

      // Once n11 is in their rings and the grace period is over, the old nodes drop what moved to it.
      long dropMs = Await.until(Duration.ofSeconds(30), () -> old.stream().allMatch(o -> extraKeys(cluster, o, eleven).isEmpty()),
          () -> "keys still held by nodes that no longer replicate them: " + old.stream()
              .map(o -> o + "=" + extraKeys(cluster, o, eleven).size()).toList());
      System.out.printf("[join] the old replicas dropped the keys n11 took within %d ms of the ring change%n", dropMs);

      // n4 leaves.
      NettyStoreClient n4 = cluster.client("n4");
      n4.admin("leave");
      long leaveMs = Await.until(Duration.ofSeconds(40), () -> cluster.status("n4").state().equals("LEFT"),
          () -> "n4: " + cluster.status("n4").transfer());
      List<String> remaining = new ArrayList<>(all);
      remaining.remove("n4");
      Await.until(Duration.ofSeconds(10), () -> allSee(cluster, remaining, s -> s.ringSize() == 10
          && s.member("n4").status().equals("LEFT")), () -> "ring of 10 everywhere");
      NodeStatus left = cluster.status("n4");
      System.out.printf("[leave] n4 left in %d ms: %d keys handed off (%d bytes)%n", leaveMs, left.transfer().keysSent(),
          left.transfer().bytesSent());
      Thread.sleep(500);
      stop.set(true);
      for (Thread w : writers) {
        w.join(10_000);
      }
      cluster.stop("n4");

      // Every acknowledged write, initial and live, is held by some replica of the final ring.
      NettyStoreClient reader = cluster.client("n2");
      List<String> lost = new ArrayList<>();
      Map<String, String> everything = new java.util.HashMap<>(acked);
      for (int i = 0; i < KEYS; i++) {
        everything.put("key-" + i, "v" + i);
      }
      List<Map.Entry<String, CompletableFuture<GetResult>>> reads = new ArrayList<>();
      for (Map.Entry<String, String> e : everything.entrySet()) {
        reads.add(Map.entry(e.getKey(), reader.getAsync(e.getKey(), RequestOptions.DEFAULTS.withR(3))));
        if (reads.size() >= 64) {
          check(reads, everything, lost);
        }
      }
      check(reads, everything, lost);
      System.out.printf("[join+leave] %d writes acknowledged during join and leave; %d of %d acknowledged keys lost%n",
          acked.size(), lost.size(), everything.size());
      assertThat(acked.size()).isGreaterThan(100);
      assertThat(lost).isEmpty();
    }
  }

  /** Of the initial keys, those {@code node} holds but does not replicate in {@code ring}. */
  static List<String> extraKeys(InJvmCluster cluster, String node, Ring ring) {
    List<String> extra = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      String key = "key-" + i;
      if (!ring.preferenceList(key, 3).contains(node) && !localState(cluster, node, key).isEmpty()) {
        extra.add(key);
      }
    }
    return extra;
  }

  static io.quorumlab.store.version.Siblings localState(InJvmCluster cluster, String node, String key) {
    try {
      return cluster.server(node).localState(key);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(List<Map.Entry<String, CompletableFuture<GetResult>>> reads, Map<String, String> want,
      List<String> lost) {
    for (Map.Entry<String, CompletableFuture<GetResult>> r : reads) {
      GetResult got = r.getValue().join();
      boolean found = got.siblings().stream().anyMatch(v -> new String(v, StandardCharsets.UTF_8).equals(want.get(r.getKey())));
      if (!found) {
        lost.add(r.getKey());
      }
    }
    reads.clear();
  }
}
