package io.quorumlab.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quorumlab.harness.nemesis.PartitionKind;
import io.quorumlab.harness.nemesis.PartitionNemesis;
import io.quorumlab.store.admin.ClockCommand;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.node.ClockSkew;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every backend must do, checked through the store itself on one shared 5-node cluster. Every
 * node replicates every key (N=5, strict quorum), so a put coordinated by node c with W=k succeeds
 * exactly when c has a round trip to k-1 other nodes: a partition cuts exactly the intended links
 * when, for every coordinator, W = (nodes it can reach, itself included) succeeds and one more fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoreClusterContract {
  protected static final long TIMEOUT_MS = 2000;
  private static final AtomicInteger KEYS = new AtomicInteger();

  protected Cluster cluster;
  private final Map<String, StoreClient> clients = new LinkedHashMap<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(5);

  /** The backend under test, not started. */
  protected abstract Cluster newCluster(NodeConfig template) throws Exception;

  protected static NodeConfig template() {
    return NodeConfigs.template().toBuilder().n(5).w(3).r(3).quorum(Quorum.STRICT).conflicts(ConflictMode.LWW)
        .fsync(FsyncPolicy.ALWAYS).requestTimeoutMs(TIMEOUT_MS).gossipIntervalMs(200).build();
  }

  @BeforeAll
  void startCluster() throws Exception {
    cluster = newCluster(template());
    long t0 = System.nanoTime();
    cluster.start();
    System.out.printf("%s: 5 nodes started in %d ms%n", cluster.backend(), (System.nanoTime() - t0) / 1_000_000);
    // Every node listens now; the failure detectors may need a gossip round to see each other.
    awaitHealthy();
  }

  @AfterAll
  void stopCluster() {
    clients.values().forEach(StoreClient::close);
    pool.shutdownNow();
    if (cluster != null) {
      long t0 = System.nanoTime();
      cluster.close();
      System.out.printf("%s: 5 nodes stopped in %d ms%n", cluster.backend(), (System.nanoTime() - t0) / 1_000_000);
    }
  }

  @AfterEach
  void healAndWaitUntilEveryLinkServes() throws Exception {
    cluster.heal();
    awaitHealthy();
  }

  protected synchronized StoreClient client(String node) {
    return clients.computeIfAbsent(node, n -> NettyStoreClient.connect(cluster.clientAddress(n),
        ClientOptions.DEFAULTS.withRequestTimeoutMs(TIMEOUT_MS).withConnectTimeoutMs(1000)));
  }

  protected static RequestOptions w(int w) {
    return RequestOptions.DEFAULTS.withW(w).withTimeoutMs(TIMEOUT_MS);
  }

  protected static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  protected boolean putSucceeds(String via, int w) {
    try {
      client(via).put("k" + KEYS.incrementAndGet(), bytes("v"), Context.EMPTY, w(w));
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  /** Waits until a put with W=5 succeeds through every node (links healed, failure detectors agree). */
  protected void awaitHealthy() throws Exception {
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (String n : cluster.nodes()) {
      while (!putSucceeds(n, 5)) {
        if (System.nanoTime() > deadline) fail("cluster did not serve W=5 through " + n + " within 30 s of heal");
        Thread.sleep(200);
      }
    }
  }

  /** How many nodes {@code c} has a round trip with under {@code grudge}, itself included. */
  static int reachable(String c, Map<String, Set<String>> grudge, List<String> nodes) {
    int k = 1;
    for (String r : nodes) {
      if (r.equals(c)) continue;
      if (!grudge.getOrDefault(r, Set.of()).contains(c) && !grudge.getOrDefault(c, Set.of()).contains(r)) k++;
    }
    return k;
  }

  /** For every coordinator at once: W = reachable succeeds and W = reachable + 1 fails. */
  private void assertCutsExactly(Map<String, Set<String>> grudge, String what) throws Exception {
    Map<String, Future<String>> results = new LinkedHashMap<>();
    for (String c : cluster.nodes()) {
      int k = reachable(c, grudge, cluster.nodes());
      results.put(c, pool.submit(() -> {
        boolean ok = putSucceeds(c, k);
        boolean more = k < 5 && putSucceeds(c, k + 1);
        return (ok ? "" : "W=" + k + " failed ") + (more ? "W=" + (k + 1) + " succeeded" : "");
      }));
    }
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Future<String>> e : results.entrySet()) {
      String r = e.getValue().get();
      if (!r.isEmpty()) wrong.add(e.getKey() + ": " + r.strip());
    }
    assertThat(wrong).as("%s, grudge %s", what, grudge).isEmpty();
  }

  @Test
  void fiveNodesStartAndServeThroughEveryNode() throws Exception {
    assertThat(cluster.nodes()).hasSize(5);
    for (String n : cluster.nodes()) {
      String key = "serve-" + n;
      client(n).put(key, bytes("from " + n), Context.EMPTY, w(5));
      for (String m : cluster.nodes()) {
        GetResult g = client(m).get(key, RequestOptions.DEFAULTS.withR(5).withTimeoutMs(TIMEOUT_MS));
        assertThat(g.siblings()).hasSize(1);
        assertThat(new String(g.siblings().get(0), StandardCharsets.UTF_8)).isEqualTo("from " + n);
      }
      assertThat(cluster.residentBytes(n)).isPresent();
    }
  }

  @Test
  void everyPartitionKindCutsExactlyItsLinksAndHealRestoresThem() throws Exception {
    Random random = new Random(20240601);
    for (PartitionKind kind : PartitionKind.values()) {
      Map<String, Set<String>> g = PartitionNemesis.grudge(kind, cluster.nodes(), random);
      cluster.partition(g);
      assertThat(cluster.grudge()).isEqualTo(g);
      assertCutsExactly(g, kind.specName());
      cluster.heal();
      assertThat(cluster.grudge()).isEmpty();
      awaitHealthy();
    }
  }

  @Test
  void anIsolatedNodeCannotReachAQuorumWhileTheMajorityCan() throws Exception {
    cluster.partition(Map.of("n1", Set.of("n2", "n3", "n4", "n5"), "n2", Set.of("n1"), "n3", Set.of("n1"), "n4", Set.of("n1"),
        "n5", Set.of("n1")));
    assertThat(putSucceeds("n1", 3)).as("write through the isolated node").isFalse();
    assertThat(putSucceeds("n2", 3)).as("write through the majority").isTrue();
    assertThat(putSucceeds("n5", 4)).isTrue();
  }

  @Test
  void aOneWayGrudgeBreaksRoundTripsBetweenThoseTwoOnly() throws Exception {
    // n1 cannot hear n2: n1's requests to n2 arrive but the acks do not, and n2's requests to n1 are lost.
    Map<String, Set<String>> g = Map.of("n1", Set.of("n2"));
    cluster.partition(g);
    assertCutsExactly(g, "one-way n2->n1");
  }

  @Test
  void kill9ThenRestartComesBackFromDiskWithItsAcknowledgedData() throws Exception {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "durable-" + i + "-" + KEYS.incrementAndGet();
      client("n1").put(key, bytes("value " + i), Context.EMPTY, w(5)); // n2 acknowledged it too
      keys.add(key);
    }
    cluster.kill("n2");
    assertThat(cluster.killed()).containsExactly("n2");
    assertThat(putSucceeds("n1", 5)).as("W=5 with n2 dead").isFalse();
    assertThat(putSucceeds("n1", 4)).as("W=4 with n2 dead").isTrue();
    cluster.restart("n2");
    assertThat(cluster.killed()).isEmpty();
    // Cut n2 off from everyone: what it answers with R=1 now can only come from its own disk.
    cluster.partition(Map.of("n2", Set.of("n1", "n3", "n4", "n5"), "n1", Set.of("n2"), "n3", Set.of("n2"), "n4", Set.of("n2"),
        "n5", Set.of("n2")));
    for (int i = 0; i < keys.size(); i++) {
      GetResult g = client("n2").get(keys.get(i), RequestOptions.DEFAULTS.withR(1).withTimeoutMs(TIMEOUT_MS));
      assertThat(g.siblings()).as(keys.get(i)).hasSize(1);
      assertThat(new String(g.siblings().get(0), StandardCharsets.UTF_8)).isEqualTo("value " + i);
    }
  }

  /**
   * The clock admin command skews one process's wall clock: lww stamps follow it (a write through a
   * clock ten minutes ahead beats a later one), while failure detection, on monotonic time, convicts
   * nobody when clocks jump by minutes either way.
   */
  @Test
  void aSkewedWallClockDecidesLwwWinnersButConvictsNobody() throws Exception {
    long tenMinutes = 600_000_000L;
    String key = "clock-" + KEYS.incrementAndGet();
    try {
      cluster.skewClock("n1", ClockSkew.offset(tenMinutes));
      ClockCommand.ClockState n1 = NodeClocks.read(cluster.clientAddress("n1"));
      assertThat(n1.skew()).isEqualTo(ClockSkew.offset(tenMinutes));
      assertThat(n1.currentOffsetMicros()).isEqualTo(tenMinutes);
      assertThat(NodeClocks.read(cluster.clientAddress("n2")).skew()).isEqualTo(ClockSkew.NONE);

      client("n1").put(key, bytes("stamped ahead"), Context.EMPTY, w(5));
      client("n2").put(key, bytes("written later"), Context.EMPTY, w(5));
      GetResult g = client("n3").get(key, RequestOptions.DEFAULTS.withR(5).withTimeoutMs(TIMEOUT_MS));
      assertThat(g.siblings()).extracting(b -> new String(b, StandardCharsets.UTF_8)).containsExactly("stamped ahead");

      cluster.skewClock("n2", ClockSkew.offset(-tenMinutes));
      cluster.skewClock("n3", ClockSkew.strobe(tenMinutes, 50_000));
      Thread.sleep(3_000); // 15 gossip rounds, well past the failure detector's acceptable pause
      for (String n : cluster.nodes()) {
        assertThat(putSucceeds(n, 5)).as("W=5 through %s while clocks jump", n).isTrue();
      }
    } finally {
      for (String n : cluster.nodes()) cluster.skewClock(n, ClockSkew.NONE);
    }
    for (String n : cluster.nodes()) {
      assertThat(NodeClocks.read(cluster.clientAddress(n)).currentOffsetMicros()).as(n).isZero();
    }
  }

  @Test
  void aPausedNodeStopsAnsweringAndResumesAfterwards() throws Exception {
    cluster.pause("n3");
    assertThat(cluster.paused()).containsExactly("n3");
    try (StoreClient direct = NettyStoreClient.connect(cluster.clientAddress("n3"),
        ClientOptions.DEFAULTS.withRequestTimeoutMs(700).withConnectTimeoutMs(700))) {
      long t0 = System.nanoTime();
      try {
        direct.get("anything", RequestOptions.DEFAULTS.withR(1).withTimeoutMs(700));
        fail("a paused node answered");
      } catch (StoreException expected) {
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(600);
      }
      assertThat(putSucceeds("n1", 5)).as("W=5 with n3 paused").isFalse();
      assertThat(putSucceeds("n1", 4)).as("W=4 with n3 paused").isTrue();
      cluster.resume("n3");
      assertThat(cluster.paused()).isEmpty();
      direct.put("after-pause", bytes("x"), Context.EMPTY, w(1));
      assertThat(direct.get("after-pause", RequestOptions.DEFAULTS.withR(1)).found()).isTrue();
    }
  }

  @Test
  void slowLinksAddLatencyOrSayWhyNot() throws Exception {
    List<String> notInjected = cluster.slow(cluster.links(), new Slowness(150, 0, 0, 0));
    long t0 = System.nanoTime();
    boolean ok = putSucceeds("n1", 5);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (notInjected.isEmpty()) {
      assertThat(ok).isTrue();
      assertThat(ms).as("a W=5 round trip over links delayed 150 ms each way").isGreaterThanOrEqualTo(290);
    } else {
      assertThat(notInjected).singleElement().asString().contains("latency").contains("netem");
    }
    cluster.slow(List.of(), Slowness.NONE);
    long t1 = System.nanoTime();
    assertThat(putSucceeds("n1", 5)).isTrue();
    assertThat((System.nanoTime() - t1) / 1_000_000).isLessThan(ms + 1000);
  }
}
