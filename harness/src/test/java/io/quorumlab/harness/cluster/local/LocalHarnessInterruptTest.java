package io.quorumlab.harness.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.harness.testing.ClusterChild;
import io.quorumlab.harness.testing.RelayNode;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A harness interrupted mid-run leaves no node process behind. */
class LocalHarnessInterruptTest {

  /** A child harness running a 3-node cluster; fills {@code nodePids}. */
  private static ChildJvm childHarness(List<Long> nodePids) throws Exception {
    ChildJvm child = ChildJvm.start(Map.of(), ClusterChild.class, "local", "3", RelayNode.class.getName());
    assertThat(child.readyLine).as("child output:\n%s", child.output).isNotNull();
    for (String p : child.readyLine.substring(6).trim().split(" ")) nodePids.add(Long.parseLong(p));
    assertThat(nodePids).hasSize(3).allMatch(LocalHarnessInterruptTest::alive);
    return child;
  }

  /** Alive and not a zombie waiting for init (here not always quick) to reap it. */
  static boolean alive(long pid) {
    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return false;
    try {
      String stat = Files.readString(java.nio.file.Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }

  /** SIGKILL is delivered at once, but a loaded machine may take a moment to tear a JVM down. */
  static void awaitAllDead(List<Long> pids) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (pids.stream().anyMatch(LocalHarnessInterruptTest::alive) && System.nanoTime() < deadline) Thread.sleep(50);
    assertThat(pids).noneMatch(LocalHarnessInterruptTest::alive);
  }

  @Test
  void sigintKillsEveryNode() throws Exception {
    List<Long> pids = new ArrayList<>();
    ChildJvm child = childHarness(pids);
    child.signal("INT");
    assertThat(child.awaitExit(15)).isTrue();
    awaitAllDead(pids);
  }

  @Test
  void sigtermKillsEveryNodeEvenAPausedOne() throws Exception {
    List<Long> pids = new ArrayList<>();
    ChildJvm child = childHarness(pids);
    assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pids.get(0))).start().waitFor()).isZero();
    child.signal("TERM");
    assertThat(child.awaitExit(15)).isTrue();
    awaitAllDead(pids);
  }

  @Test
  void nodesAndTheDirectoryOfAHarnessKilledWithSigkillAreCleanedUpAndReportedByTheNextCluster() throws Exception {
    List<Long> pids = new ArrayList<>();
    ChildJvm child = childHarness(pids);
    java.nio.file.Path dir = java.nio.file.Path.of(child.output.lines().filter(l -> l.startsWith("DIR ")).findFirst()
        .orElseThrow().substring(4));
    assertThat(dir.getFileName().toString()).startsWith(PidRegistry.TEMP_PREFIX);
    child.signal("KILL");
    assertThat(child.awaitExit(15)).isTrue();
    // kill -9 runs no hook: the nodes are orphans now, and their data stays ...
    assertThat(pids).allMatch(LocalHarnessInterruptTest::alive);
    assertThat(dir).isDirectory();
    // ... until the next cluster starts, in any directory, and finds their pid file.
    PidRegistry.Reaped reaped = PidRegistry.reapStale(Files.createTempDirectory("quorumlab-reap"));
    assertThat(reaped.pids()).containsAll(pids);
    assertThat(reaped.dirs()).contains(dir);
    assertThat(reaped.bytes()).isPositive();
    assertThat(dir).doesNotExist();
    assertThat(String.join("\n", reaped.lines())).contains("stopped", "node processes", "removed " + dir, "killed");
    awaitAllDead(pids);
  }
}
