package io.quorumlab.harness.cluster.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.testing.ClusterChild;
import io.quorumlab.harness.testing.RelayNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A harness interrupted mid-run leaves no node process behind. */
class LocalHarnessInterruptTest {

  /** Starts a child harness with a 3-node cluster and returns it with its node pids. */
  static Process childHarness(List<Long> nodePids) throws Exception {
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
        "-XX:TieredStopAtLevel=1", "-cp", Classpath.join(Classpath.current()), ClusterChild.class.getName(), "local", "3",
        RelayNode.class.getName());
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line;
    StringBuilder seen = new StringBuilder();
    while ((line = out.readLine()) != null && !line.startsWith("READY ")) seen.append(line).append('\n');
    assertThat(line).as("child output:\n%s", seen).isNotNull();
    for (String p : line.substring(6).trim().split(" ")) nodePids.add(Long.parseLong(p));
    assertThat(nodePids).hasSize(3).allMatch(LocalHarnessInterruptTest::alive);
    return child;
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void signal(Process p, String sig) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor()).isZero();
  }

  @Test
  void sigintKillsEveryNode() throws Exception {
    List<Long> pids = new ArrayList<>();
    Process child = childHarness(pids);
    signal(child, "INT");
    assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(pids).noneMatch(LocalHarnessInterruptTest::alive);
  }

  @Test
  void sigtermKillsEveryNodeEvenAPausedOne() throws Exception {
    List<Long> pids = new ArrayList<>();
    Process child = childHarness(pids);
    // A SIGSTOPped node must not survive either.
    assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(pids.get(0))).start().waitFor()).isZero();
    child.destroy();
    assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
    assertThat(pids).noneMatch(LocalHarnessInterruptTest::alive);
  }

  @Test
  void nodesOfAHarnessKilledWithSigkillAreReapedByTheNextCluster() throws Exception {
    List<Long> pids = new ArrayList<>();
    Process child = childHarness(pids);
    child.destroyForcibly();
    assertThat(child.waitFor(15, TimeUnit.SECONDS)).isTrue();
    // kill -9 runs no hook: the nodes are orphans now ...
    assertThat(pids).allMatch(LocalHarnessInterruptTest::alive);
    // ... until the next cluster starts, in any directory, and finds their pid file.
    List<Long> reaped = PidRegistry.reapStale(java.nio.file.Files.createTempDirectory("quorumlab-reap"));
    assertThat(reaped).containsAll(pids);
    Thread.sleep(200);
    assertThat(pids).noneMatch(LocalHarnessInterruptTest::alive);
  }
}
