package io.quorumlab.harness.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.Slowness;
import io.quorumlab.harness.testing.RelayClient;
import io.quorumlab.harness.testing.RelayNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local backend's processes and link proxies, with {@link RelayNode} standing in for the store:
 * which directed links carry frames is read back from the nodes themselves.
 */
class LocalClusterRelayTest {
  static final List<String> SMALL_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");
  private static LocalCluster cluster;

  static LocalClusterOptions relayOptions(int nodes) {
    return LocalClusterOptions.of(nodes, NodeConfigs.template()).withMainClass(RelayNode.class.getName()).withJvmArgs(SMALL_JVM);
  }

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = new LocalCluster(relayOptions(5));
    cluster.start();
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) cluster.close();
  }

  @AfterEach
  void healAfterEach() throws Exception {
    cluster.heal();
  }

  private static String ping(String node, int timeoutMs) {
    try (RelayClient c = new RelayClient(cluster.clientAddress(node), timeoutMs)) {
      return c.call("ping");
    } catch (IOException e) {
      return "unreachable";
    }
  }

  /** Sends a one-way note and a request over every directed link; returns what arrived where. */
  private static Set<String> probeAllLinks(String token, Set<String> expected) throws Exception {
    for (String a : cluster.nodes()) {
      try (RelayClient c = new RelayClient(cluster.clientAddress(a), 5000)) {
        for (String b : cluster.nodes()) {
          if (a.equals(b)) continue;
          assertThat(c.call("send:" + b + ":" + token)).isEqualTo("sent");
          assertThat(c.call("ask:" + b + ":" + token)).isEqualTo("asked");
        }
      }
    }
    // Frames that may pass arrive within moments; wait for them (bounded), and a little for strays.
    long deadline = System.nanoTime() + 3_000_000_000L;
    Set<String> arrived;
    do {
      Thread.sleep(100);
      arrived = arrived(token);
    } while (!arrived.containsAll(expected) && System.nanoTime() < deadline);
    Thread.sleep(200);
    return arrived(token);
  }

  private static Set<String> arrived(String token) throws Exception {
    Set<String> arrived = new HashSet<>();
    for (String b : cluster.nodes()) {
      try (RelayClient c = new RelayClient(cluster.clientAddress(b), 5000)) {
        for (String note : c.notes()) {
          String[] p = note.split(":");
          if (p[1].equals(token)) arrived.add(p[0] + "->" + b);
        }
      }
    }
    return arrived;
  }

  /** What probeAllLinks must find under a grudge: a note passes a->b; an answer needs both ways. */
  private static Set<String> expectedUnder(Map<String, Set<String>> grudge) {
    Set<Link> cut = Link.cutBy(grudge);
    Set<String> expected = new HashSet<>();
    for (Link l : Link.all(cluster.nodes())) {
      // a->b note reaches b, and b's answer to a's request reaches a, counted as b->a arrival
      if (!cut.contains(l)) expected.add(l.from() + "->" + l.to());
    }
    Set<String> answers = new HashSet<>();
    for (Link l : Link.all(cluster.nodes())) {
      Link back = new Link(l.to(), l.from());
      // the request l.from->l.to arrived (note-style) and the answer came back l.to->l.from
      if (!cut.contains(l) && !cut.contains(back)) answers.add(l.to() + "->" + l.from());
    }
    expected.addAll(answers);
    return expected;
  }

  @Test
  void fiveNodesStartEachInItsOwnJvmWithItsOwnDataDirAndPidFile() throws Exception {
    assertThat(cluster.nodes()).containsExactly("n1", "n2", "n3", "n4", "n5");
    Set<Long> pids = new HashSet<>();
    for (String n : cluster.nodes()) {
      assertThat(ping(n, 5000)).isEqualTo("pong");
      pids.add(cluster.pid(n).orElseThrow());
      assertThat(cluster.dir().resolve(n).resolve("data")).isDirectory();
      assertThat(cluster.residentBytes(n).orElseThrow()).isGreaterThan(1 << 20);
    }
    assertThat(pids).hasSize(5).doesNotContain(ProcessHandle.current().pid());
    List<String> pidFile = Files.readAllLines(cluster.dir().resolve(PidRegistry.FILE_NAME));
    assertThat(pidFile).hasSize(7);
    assertThat(pidFile.get(0)).startsWith("harness " + ProcessHandle.current().pid());
    assertThat(pidFile.get(1)).isEqualTo("tempdir " + cluster.dir());
  }

  @Test
  void withNoPartitionEveryLinkCarriesFramesBothWays() throws Exception {
    assertThat(probeAllLinks("open", expectedUnder(Map.of()))).isEqualTo(expectedUnder(Map.of()));
  }

  @Test
  void anAsymmetricGrudgeCutsExactlyItsDirectedLinks() throws Exception {
    // n1 cannot hear n2 and n3; n4 cannot hear n5. Nothing else is cut.
    Map<String, Set<String>> grudge = Map.of("n1", Set.of("n2", "n3"), "n4", Set.of("n5"));
    cluster.partition(grudge);
    Set<String> arrived = probeAllLinks("asym", expectedUnder(grudge));
    assertThat(arrived).isEqualTo(expectedUnder(grudge));
    assertThat(arrived).doesNotContain("n2->n1", "n3->n1", "n5->n4").contains("n1->n2", "n4->n5", "n2->n3");
    assertThat(cluster.grudge()).isEqualTo(grudge);
  }

  @Test
  void halvesAndHealRestoresEveryLink() throws Exception {
    Map<String, Set<String>> grudge = new java.util.HashMap<>();
    for (String a : List.of("n1", "n2")) grudge.put(a, Set.of("n3", "n4", "n5"));
    for (String b : List.of("n3", "n4", "n5")) grudge.put(b, Set.of("n1", "n2"));
    cluster.partition(grudge);
    assertThat(probeAllLinks("halves", expectedUnder(grudge))).isEqualTo(expectedUnder(grudge));
    cluster.heal();
    assertThat(cluster.grudge()).isEmpty();
    assertThat(probeAllLinks("healed", expectedUnder(Map.of()))).isEqualTo(expectedUnder(Map.of()));
  }

  @Test
  void kill9ThenRestartBringsTheNodeBackOnItsPort() throws Exception {
    long pid = cluster.pid("n2").orElseThrow();
    int port = cluster.clientAddress("n2").getPort();
    cluster.kill("n2");
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(cluster.killed()).containsExactly("n2");
    assertThat(ping("n2", 500)).isEqualTo("unreachable");
    assertThatThrownBy(() -> cluster.pause("n2")).isInstanceOf(IllegalStateException.class);
    cluster.restart("n2");
    assertThat(cluster.killed()).isEmpty();
    assertThat(cluster.pid("n2").orElseThrow()).isNotEqualTo(pid);
    assertThat(cluster.clientAddress("n2").getPort()).isEqualTo(port);
    assertThat(ping("n2", 5000)).isEqualTo("pong");
    assertThat(Files.readString(cluster.dir().resolve("n2/node.log"))).contains("=== quorumlab: starting n2").hasLineCount(4);
  }

  @Test
  void aRestartWhosePortWasTakenMovesToAnotherAndPeersFollowThroughTheProxies() throws Exception {
    int port = cluster.clientAddress("n4").getPort();
    cluster.kill("n4");
    try (java.net.ServerSocket squatter = new java.net.ServerSocket()) {
      squatter.bind(new java.net.InetSocketAddress("127.0.0.1", port));
      cluster.restart("n4");
    }
    assertThat(cluster.clientAddress("n4").getPort()).as(Files.readString(cluster.dir().resolve("n4/node.log"))).isNotEqualTo(port);
    assertThat(ping("n4", 5000)).isEqualTo("pong");
    // Peers still reach n4 at the proxy address in their configs.
    assertThat(probeAllLinks("moved", expectedUnder(Map.of()))).isEqualTo(expectedUnder(Map.of()));
  }

  @Test
  void pauseStopsAnswersAndResumeBringsThemBack() throws Exception {
    cluster.pause("n3");
    assertThat(cluster.paused()).containsExactly("n3");
    assertThat(ping("n3", 500)).isNull();
    cluster.resume("n3");
    assertThat(ping("n3", 5000)).isEqualTo("pong");
  }

  @Test
  void healRestartsKilledAndResumesPausedNodes() throws Exception {
    cluster.kill("n4");
    cluster.pause("n5");
    cluster.partition(Map.of("n1", Set.of("n2")));
    cluster.slow(10, 0, 0.0);
    cluster.heal();
    assertThat(cluster.killed()).isEmpty();
    assertThat(cluster.paused()).isEmpty();
    assertThat(cluster.grudge()).isEmpty();
    for (String n : cluster.nodes()) assertThat(ping(n, 5000)).isEqualTo("pong");
  }

  @Test
  void lossOnOneLinkDropsSomeOfItsFramesAndNoneElsewhere() throws Exception {
    Link l = new Link("n1", "n2");
    long droppedBefore = cluster.flows().dropped(l);
    assertThat(cluster.slow(List.of(l), new Slowness(0, 0, 0.5, 0))).isEmpty();
    try (RelayClient c = new RelayClient(cluster.clientAddress("n1"), 5000)) {
      for (int i = 0; i < 60; i++) c.call("send:n2:loss" + i);
      for (int i = 0; i < 20; i++) c.call("send:n3:loss" + i);
    }
    Thread.sleep(200);
    try (RelayClient c = new RelayClient(cluster.clientAddress("n2"), 5000)) {
      long n = c.notes().stream().filter(s -> s.startsWith("n1:loss")).count();
      assertThat(n).isBetween(10L, 50L);
      assertThat(cluster.flows().dropped(l) - droppedBefore).isEqualTo(60 - n);
    }
    try (RelayClient c = new RelayClient(cluster.clientAddress("n3"), 5000)) {
      assertThat(c.notes().stream().filter(s -> s.startsWith("n1:loss")).count()).isEqualTo(20);
    }
  }

  @Test
  void unknownNodesAreRefused() {
    assertThatThrownBy(() -> cluster.kill("n9")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown node 'n9'");
    assertThatThrownBy(() -> cluster.partition(Map.of("n1", Set.of("x")))).hasMessageContaining("unknown node 'x'");
  }

  @Test
  void stopsWithinSecondsAndLeavesNoProcess() throws Exception {
    LocalCluster other = new LocalCluster(relayOptions(3));
    other.start();
    List<Long> pids = List.of(other.pid("n1").orElseThrow(), other.pid("n2").orElseThrow());
    java.nio.file.Path dir = other.dir();
    long t0 = System.nanoTime();
    other.close();
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(5000);
    for (long pid : pids) assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(dir).doesNotExist();
  }
}
