package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.cluster.NetworkRules;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.harness.testing.RequiresDocker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code quorumlab run --backend ssh} in a child JVM, stopped mid-run while a partition is in force
 * on the hosts. Ctrl-C (SIGINT), once or twice: the run leaves nothing on any host (no node
 * process, directory, chain or shaping). kill -9: nothing can tear down; the next run names every
 * host's leftovers, and the line it gives to clean them does, after which a run there ends by
 * itself and leaves nothing either. Three sshd containers.
 */
@RequiresDocker
@RequiresSshHosts
class SshHarnessInterruptTest extends ThreeSshHosts {
  @TempDir Path out;

  SshHarnessInterruptTest() {
    super(0);
  }

  /** A failed test must not leave the next one hosts with a run on them. */
  @AfterEach
  void cleanHosts() throws Exception {
    for (int i = 0; i < all.size(); i++) {
      hosts.exec(i, NodeScripts.removeAll(SshClusterOptions.DEFAULT_REMOTE_DIR) + "\n" + NetworkRules.teardown("eth0"));
    }
  }

  private String[] run(Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("run", "--backend", "ssh", "--nodes", "3",
        "--hosts", all.stream().map(SshHost::toString).collect(Collectors.joining(",")), "--ssh-user", "root",
        "--ssh-key", hosts.key.toString(), "--ssh-known-hosts", hosts.knownHosts.toString(), "--rate", "20", "--concurrency", "3",
        "--seed", "1", "--out", dir.toString()));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** A harness in its load phase with a partition rule in force on some host (waited for, up to 60 s). */
  private ChildJvm runWithAPartitionInForce(Path dir) throws Exception {
    ChildJvm child = ChildJvm.startUntil("load ", Map.of(), MAIN,
        run(dir, "--time-limit", "300", "--nemesis", "partition,pause", "--nemesis-interval", "1"));
    assertThat(child.readyLine).as("the run reached its load phase:\n%s", child.output).isNotNull();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!partitioned()) {
      if (System.nanoTime() > deadline) {
        child.process.destroyForcibly();
        fail("no partition rule on any host within 60 s:\n" + child.allOutput());
      }
      Thread.sleep(200);
    }
    return child;
  }

  private boolean partitioned() throws InterruptedException {
    for (int i = 0; i < all.size(); i++) {
      if (hosts.exec(i, "iptables -w -S " + NetworkRules.PARTITION_CHAIN + " 2>/dev/null").output().contains("-j DROP")) return true;
    }
    return false;
  }

  /** Ctrl-C: the run heals, copies the nodes' logs, tears down and writes itself as unknown (exit 2). */
  @Test
  void sigintMidRunTearsDownEveryHostAndKeepsTheNodesLogs() throws Exception {
    Assumptions.assumeFalse(ChildJvm.sigintIgnored(), "SIGINT is ignored in this process tree (a background job)");
    ChildJvm child = runWithAPartitionInForce(out);
    child.signal("INT");
    assertThat(child.awaitExit(120)).as("exited after SIGINT").isTrue();
    assertThat(child.exitCode()).as(child.allOutput()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(child.allOutput()).contains("UNKNOWN: interrupted");
    assertUntouched(0, 1, 2);
    Path runDir;
    try (var runs = Files.list(out.resolve("register"))) {
      runDir = runs.findFirst().orElseThrow();
    }
    for (String n : NodeConfigs.nodeIds(3)) assertThat(runDir.resolve("nodes").resolve(n + ".log")).as("copied before tear-down").isNotEmptyFile();
  }

  /** Ctrl-C twice: the JVM quits at once (exit 130), and its shutdown hook tears the hosts down. */
  @Test
  void aSecondSigintQuitsAtOnceAndTheShutdownHookTearsDownEveryHost() throws Exception {
    Assumptions.assumeFalse(ChildJvm.sigintIgnored(), "SIGINT is ignored in this process tree (a background job)");
    ChildJvm child = runWithAPartitionInForce(out);
    child.signal("INT");
    Thread.sleep(300);
    child.signal("INT");
    assertThat(child.awaitExit(120)).as("exited after two SIGINTs").isTrue();
    assertThat(child.exitCode()).as(child.allOutput()).isEqualTo(128 + 2);
    assertUntouched(0, 1, 2);
  }

  @Test
  void aHarnessKilledWithSigkillIsNamedByTheNextRunWhoseLineCleansTheHostsForTheOneAfter() throws Exception {
    ChildJvm child = runWithAPartitionInForce(out.resolve("killed"));
    child.signal("KILL");
    assertThat(child.awaitExit(15)).isTrue();
    for (int i = 0; i < all.size(); i++) {
      assertThat(hosts.traces(i)).as("kill -9 runs no tear-down").contains(SshClusterOptions.DEFAULT_REMOTE_DIR).contains("serve")
          .contains("QL_PART");
    }

    ChildJvm next = ChildJvm.runToEnd(120, MAIN, run(out.resolve("next"), "--time-limit", "5"));
    assertThat(next.exitCode()).as(next.output).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(next.output).doesNotContain("Exception").doesNotContain("\tat ").contains("(nothing was started on any host)");
    assertThat(next.output.lines().filter(l -> l.contains("ssh host"))).as("one line").hasSize(1);
    assertThat(out.resolve("next")).as("no run directory for a run that could not start").doesNotExist();
    for (int i = 0; i < all.size(); i++) {
      Matcher m = Pattern.compile("ssh host " + Pattern.quote(all.get(i).toString()) + ": a previous run left its node \\(pid [0-9]+,"
          + " still running\\), /var/tmp/quorumlab, the iptables chains QL_PART and QL_LOSS there: if no run uses this host any"
          + " more, clean it as root with `([^`]+)`").matcher(next.output);
      assertThat(m.find()).as("%s named in:\n%s", all.get(i), next.output).isTrue();
      var cleaned = hosts.exec(i, m.group(1));
      assertThat(cleaned.ok()).as("%s: %s", m.group(1), cleaned.output()).isTrue();
      assertUntouched(i);
    }
    // Fit again: a run there starts, faults, ends by itself (a partition in its last seconds) and leaves nothing either.
    ChildJvm after = ChildJvm.runToEnd(180, MAIN, run(out.resolve("after"), "--time-limit", "4", "--nemesis", "partition",
        "--nemesis-interval", "1", "--w", "2", "--r", "2", "--conflicts", "abd", "--quorum", "strict", "--read-repair", "blocking"));
    assertThat(after.exitCode()).as(after.output).isEqualTo(ExitCodes.VALID);
    assertThat(after.output).contains("start-partition");
    assertUntouched(0, 1, 2);
  }
}
