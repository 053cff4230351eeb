package io.quorumlab.store.measure;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import io.quorumlab.store.testing.NodeProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A CLI benchmark of membership and anti-entropy on real node processes (not a unit test: it runs
 * for minutes). Run from the store module's test classpath:
 *
 * <pre>
 *   java -cp STORE_TEST_CLASSPATH io.quorumlab.store.measure.ClusterMeasurements detect|gossip|ae [DIR]
 * </pre>
 *
 * detect: 5 nodes with the default gossip and detector settings; SIGKILL one node, three times, and
 * report when each observer convicted it and when all agreed (and the same for a SIGSTOP).
 * gossip: gossip messages per node per second on 3, 5 and 7 nodes.
 * ae: 3 nodes, 100,000 keys; one replica misses 1% of the writes; bytes and time of the Merkle
 * exchange that repairs it, beside a full transfer to a wiped replica over the same protocol.
 */
public final class ClusterMeasurements {
  private ClusterMeasurements() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: ClusterMeasurements detect|gossip|ae [DIR]");
      System.exit(254);
    }
    Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("quorumlab-measure");
    switch (args[0]) {
      case "detect" -> detect(dir);
      case "gossip" -> gossip(dir);
      case "ae" -> antiEntropy(dir);
      default -> {
        System.err.println("unknown measurement " + args[0]);
        System.exit(254);
      }
    }
    System.exit(0);
  }

  static String detector(NodeProcesses nodes, String observer, String member) {
    NodeStatus s = nodes.status(observer);
    return s == null || s.member(member) == null ? "?" : s.member(member).detector();
  }

  /** Every observer's detector has {@code member} up, its link is up, and it knows the member's current generation. */
  static void awaitAllUp(NodeProcesses nodes, List<String> observers, String member, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      NodeStatus self = nodes.status(member);
      if (self != null && observers.stream().allMatch(o -> {
        NodeStatus s = nodes.status(o);
        NodeStatus.Member m = s == null ? null : s.member(member);
        return m != null && m.detector().equals("up") && m.routable() && m.generation() == self.generation();
      })) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(member + " not up everywhere");
  }

  /** Polls the observers until each reports {@code member} down; returns ms after {@code t0} per observer. */
  static Map<String, Long> convictions(NodeProcesses nodes, List<String> observers, String member, long t0) throws Exception {
    Map<String, Long> at = new LinkedHashMap<>();
    while (at.size() < observers.size() && System.nanoTime() - t0 < 60_000_000_000L) {
      for (String o : observers) {
        if (!at.containsKey(o) && detector(nodes, o, member).equals("down")) {
          at.put(o, (System.nanoTime() - t0) / 1_000_000);
        }
      }
      Thread.sleep(50);
    }
    return at;
  }

  static void detect(Path dir) throws Exception {
    UnaryOperator<NodeConfig> defaults = c -> c.withStorage("memory");
    try (NodeProcesses nodes = new NodeProcesses(5, dir, "128m", defaults)) {
      List<String> observers = List.of("n1", "n2", "n3", "n4");
      awaitAllUp(nodes, observers, "n5", 60_000);
      for (int round = 1; round <= 3; round++) {
        Thread.sleep(15_000); // let the detectors learn the rhythm
        long gen = nodes.status("n5").generation();
        long t0 = System.nanoTime();
        nodes.kill("n5");
        Map<String, Long> at = convictions(nodes, observers, "n5", t0);
        long first = at.values().stream().mapToLong(Long::longValue).min().orElse(-1);
        long last = at.values().stream().mapToLong(Long::longValue).max().orElse(-1);
        System.out.printf("[detect] kill round %d: convicted by %s; first %d ms, all 4 agree at %d ms%n", round, at, first, last);
        long r0 = System.nanoTime();
        nodes.launch("n5");
        nodes.awaitUp("n5", 60_000);
        awaitAllUp(nodes, observers, "n5", 60_000);
        long back = (System.nanoTime() - r0) / 1_000_000;
        long newGen = nodes.status("n5").generation();
        System.out.printf("[detect] restart round %d: seen up by all 4 %d ms after the process was started (start-up included); generation %d -> %d%n",
            round, back, gen, newGen);
      }
      Thread.sleep(15_000);
      long t0 = System.nanoTime();
      nodes.pause("n5");
      Map<String, Long> at = convictions(nodes, observers, "n5", t0);
      System.out.printf("[detect] SIGSTOP: convicted by %s%n", at);
      nodes.resume("n5");
      long r0 = System.nanoTime();
      awaitAllUp(nodes, observers, "n5", 60_000);
      System.out.printf("[detect] SIGCONT: seen up by all 4 after %d ms%n", (System.nanoTime() - r0) / 1_000_000);
    }
  }

  static void gossip(Path dir) throws Exception {
    for (int size : new int[] {3, 5, 7}) {
      Path sub = dir.resolve("gossip-" + size);
      try (NodeProcesses nodes = new NodeProcesses(size, sub, "96m", c -> c.withStorage("memory").withAntiEntropyIntervalMs(0))) {
        Thread.sleep(10_000);
        Map<String, NodeStatus> before = new LinkedHashMap<>();
        for (String n : nodes.nodes()) {
          before.put(n, nodes.status(n));
        }
        Thread.sleep(30_000);
        double sent = 0;
        double received = 0;
        double bytes = 0;
        for (String n : nodes.nodes()) {
          NodeStatus a = before.get(n);
          NodeStatus b = nodes.status(n);
          double seconds = (b.gossip().uptimeMs() - a.gossip().uptimeMs()) / 1000.0;
          sent += (b.gossip().messagesSent() - a.gossip().messagesSent()) / seconds;
          received += (b.gossip().messagesReceived() - a.gossip().messagesReceived()) / seconds;
          bytes += (b.gossip().bytesSent() - a.gossip().bytesSent()) / seconds;
        }
        System.out.printf("[gossip] %d nodes: %.2f msgs sent/node/s, %.2f received/node/s, %.0f bytes sent/node/s (all-to-all heartbeats: %d sent/node/s)%n",
            size, sent / size, received / size, bytes / size, size - 1);
      }
    }
  }

  static void putAll(NettyStoreClient client, int from, int to, String prefix, RequestOptions options) {
    List<CompletableFuture<PutResult>> pending = new ArrayList<>();
    byte[] pad = new byte[80];
    Arrays.fill(pad, (byte) 'x');
    for (int i = from; i < to; i++) {
      byte[] value = (prefix + i + "-" + new String(pad, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
      pending.add(client.putAsync("key-" + i, value, Context.EMPTY, options));
      if (pending.size() >= 128) {
        pending.forEach(CompletableFuture::join);
        pending.clear();
      }
    }
    pending.forEach(CompletableFuture::join);
  }

  static NodeStatus.AntiEntropy awaitSessions(NodeProcesses nodes, String node, long sessions, long timeoutMs) throws Exception {
    long deadline = System.currentTimeMillis() + timeoutMs;
    while (System.currentTimeMillis() < deadline) {
      NodeStatus s = nodes.status(node);
      if (s != null && s.antiEntropy().sessions() >= sessions && s.antiEntropy().running() == 0) {
        return s.antiEntropy();
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("anti-entropy at " + node + " did not finish: " + nodes.status(node));
  }

  static void antiEntropy(Path dir) throws Exception {
    int keys = 100_000;
    int divergent = keys / 100;
    UnaryOperator<NodeConfig> settings = c -> c.withFsync(FsyncPolicy.NEVER).withQuorum(Quorum.STRICT)
        .withReadRepair(ReadRepair.OFF).withAntiEntropyIntervalMs(0).withRequestTimeoutMs(5000);
    try (NodeProcesses nodes = new NodeProcesses(3, dir, "256m", settings)) {
      awaitAllUp(nodes, List.of("n1", "n2"), "n3", 60_000);
      long t = System.nanoTime();
      try (NettyStoreClient client = nodes.client("n1")) {
        putAll(client, 0, keys, "v1-", RequestOptions.DEFAULTS.withW(3).withTimeoutMs(5000));
      }
      System.out.printf("[ae] loaded %d keys at W=3 in %d ms%n", keys, (System.nanoTime() - t) / 1_000_000);

      nodes.process("n3").destroy();
      nodes.process("n3").waitFor();
      Thread.sleep(1000);
      try (NettyStoreClient client = nodes.client("n1")) {
        putAll(client, 0, divergent, "v2-", RequestOptions.DEFAULTS.withW(2).withTimeoutMs(5000));
      }
      nodes.launch("n3");
      nodes.awaitUp("n3", 120_000);
      awaitAllUp(nodes, List.of("n1", "n2"), "n3", 60_000);
      try (NettyStoreClient n1 = nodes.client("n1")) {
        t = System.nanoTime();
        n1.admin("repair");
      }
      NodeStatus.AntiEntropy small = awaitSessions(nodes, "n3", 1, 600_000);
      long smallMs = (System.nanoTime() - t) / 1_000_000;
      System.out.printf("[ae] %d of %d keys divergent: n1<->n3 exchange repaired %d keys with %d bytes in %d ms%n",
          divergent, keys, small.keysRepaired(), small.bytes(), smallMs);

      nodes.process("n3").destroy();
      nodes.process("n3").waitFor();
      wipe(Path.of(nodes.config("n3").dataDir()));
      nodes.launch("n3");
      nodes.awaitUp("n3", 120_000);
      awaitAllUp(nodes, List.of("n1", "n2"), "n3", 60_000);
      try (NettyStoreClient n1 = nodes.client("n1")) {
        t = System.nanoTime();
        n1.admin("repair");
      }
      NodeStatus.AntiEntropy full = awaitSessions(nodes, "n3", 1, 600_000);
      long fullMs = (System.nanoTime() - t) / 1_000_000;
      System.out.printf("[ae] wiped replica: n1<->n3 exchange (a full transfer) moved %d keys with %d bytes in %d ms%n",
          full.keysRepaired(), full.bytes(), fullMs);
      System.out.printf("[ae] 1%% divergence: %.2f%% of the bytes and %.1f%% of the time of a full transfer%n",
          100.0 * small.bytes() / full.bytes(), 100.0 * smallMs / fullMs);
    }
  }

  static void wipe(Path path) throws Exception {
    try (Stream<Path> files = Files.walk(path)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
