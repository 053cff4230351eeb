package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.testing.ChildJvm;
import io.quorumlab.harness.testing.RequiresDocker;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of host the issue names as bad input, through {@code quorumlab run --backend ssh} in a
 * child JVM as a user runs it: one line naming the host at fault (and no other), exit 254, no stack
 * trace, no run directory, and nothing on the fit hosts. Three sshd containers; the third has no java.
 */
@RequiresDocker
@RequiresSshHosts
class SshBadHostsCliTest extends ThreeSshHosts {
  @TempDir Path out;

  SshBadHostsCliTest() {
    super(1);
  }

  /** {@code run} on these hosts with this key; asserts the refusal and returns its one line. */
  private String refused(String hostList, Path key) throws Exception {
    Path runs = out.resolve("runs");
    ChildJvm r = ChildJvm.runToEnd(120, MAIN, "run", "--backend", "ssh", "--nodes", "3", "--hosts", hostList, "--ssh-user", "root",
        "--ssh-key", key.toString(), "--ssh-known-hosts", hosts.knownHosts.toString(), "--time-limit", "5", "--out", runs.toString());
    assertThat(r.exitCode()).as(r.output).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.output).doesNotContain("Exception").doesNotContain("\tat ");
    List<String> lines = r.output.lines().filter(l -> l.contains("ssh host")).toList();
    assertThat(lines).as(r.output).hasSize(1);
    assertThat(lines.get(0)).startsWith("quorumlab: ssh host ").endsWith("(nothing was started on any host)");
    assertThat(runs).as("no run directory for a run that could not start").doesNotExist();
    return lines.get(0);
  }

  private String hostList(int... indexes) {
    return String.join(",", java.util.Arrays.stream(indexes).mapToObj(i -> all.get(i).toString()).toList());
  }

  @Test
  void aHostWithoutJava() throws Exception {
    String line = refused(hostList(0, 1, 2), hosts.key);
    assertThat(line).contains("ssh host " + all.get(2) + ": no java on its PATH (a Java 17 runtime is needed")
        .doesNotContain("ssh host " + all.get(0) + ":").doesNotContain("ssh host " + all.get(1) + ":");
    assertUntouched(0, 1, 2);
  }

  /** A java older than 17 on the PATH: a stand-in that answers -XshowSettings:properties as Java 11 does. */
  @Test
  void aHostWithAnOldJava() throws Exception {
    String fake = "printf '#!/bin/sh\\necho \"    java.specification.version = 11\" >&2\\n' > /usr/local/bin/java && chmod +x /usr/local/bin/java";
    assertThat(hosts.exec(2, fake).ok()).isTrue();
    try {
      String line = refused(hostList(0, 1, 2), hosts.key);
      assertThat(line).contains("ssh host " + all.get(2) + ": its java (/usr/local/bin/java) is version 11, not 17 or newer")
          .doesNotContain("ssh host " + all.get(0) + ":").doesNotContain("ssh host " + all.get(1) + ":");
      assertUntouched(0, 1, 2);
    } finally {
      hosts.exec(2, "rm -f /usr/local/bin/java");
    }
  }

  @Test
  void aKeyTheHostsRefuse() throws Exception {
    String line = refused(hostList(0, 1, 2), hosts.strangerKey());
    for (SshHost h : all) assertThat(line).contains("ssh host " + h + ": it refused the key for user root");
    assertUntouched(0, 1, 2);
  }

  @Test
  void anUnreachableHost() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String line = refused(hostList(0, 1) + ",127.0.0.1:" + port, hosts.key);
    assertThat(line).contains("ssh host 127.0.0.1:" + port + ": nothing accepts SSH connections on port " + port + " (connection refused)")
        .doesNotContain("ssh host " + all.get(0) + ":").doesNotContain("ssh host " + all.get(1) + ":");
    assertUntouched(0, 1);
  }

  /** A hung machine: the port takes the connection (the kernel's backlog) but no SSH server ever speaks. */
  @Test
  void aHostThatNeverAnswers() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      String line = refused(hostList(0, 1) + ",127.0.0.1:" + silent.getLocalPort(), hosts.key);
      assertThat(line).contains("ssh host 127.0.0.1:" + silent.getLocalPort() + ": no answer within 10 s")
          .doesNotContain("ssh host " + all.get(0) + ":").doesNotContain("ssh host " + all.get(1) + ":");
    }
    assertUntouched(0, 1);
  }

  /** The traces of a run that did not end (its directory, its chain): named with the line that removes them, and left alone. */
  @Test
  void aHostWithAPreviousRunsTraces() throws Exception {
    String traces = "mkdir -p /var/tmp/quorumlab/data && iptables -w -N QL_PART && iptables -w -I INPUT 1 -j QL_PART";
    assertThat(hosts.exec(1, traces).ok()).isTrue();
    try {
      String before = hosts.traces(1);
      String line = refused(hostList(0, 1, 2), hosts.key);
      assertThat(line).contains("ssh host " + all.get(1) + ": a previous run left /var/tmp/quorumlab, the iptables chain QL_PART"
          + " there: if no run uses this host any more, clean it as root with `rm -rf /var/tmp/quorumlab; for c in QL_PART;")
          .doesNotContain("ssh host " + all.get(0) + ":");
      assertUntouched(0);
      assertThat(hosts.traces(1)).as("another run's traces are left alone").isEqualTo(before);
    } finally {
      hosts.exec(1, "rm -rf /var/tmp/quorumlab; iptables -w -D INPUT -j QL_PART; iptables -w -X QL_PART");
    }
  }
}
