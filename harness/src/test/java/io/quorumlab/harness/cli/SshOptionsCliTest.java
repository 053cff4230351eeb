package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ssh options on the command line: wrong combinations and unreachable hosts are one line and exit 254. */
class SshOptionsCliTest {

  private static void assertRefused(CliRun r, String message) {
    assertThat(r.code()).as(r.err()).isEqualTo(254);
    assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void sshWithoutHostsIsRefused(@TempDir Path out) {
    assertRefused(CliRun.run("run", "--backend", "ssh", "--time-limit", "1", "--out", out.toString()),
        "--backend ssh needs the machines: --hosts h1,h2,... or --hosts-file FILE");
  }

  @Test
  void hostsForAnotherBackendAreRefused(@TempDir Path out) {
    assertRefused(CliRun.run("run", "--backend", "local", "--hosts", "a,b,c", "--time-limit", "1", "--out", out.toString()),
        "--hosts, --hosts-file and --ssh-* are options of --backend ssh, not local");
  }

  @Test
  void asManyNodesAsHostsAreNeeded(@TempDir Path out) {
    assertRefused(CliRun.run("run", "--backend", "ssh", "--hosts", "a,b,c", "--time-limit", "1", "--out", out.toString()),
        "--nodes 5 needs 5 hosts, and 3 are given (a, b, c); give --nodes 3");
  }

  @Test
  void anUnreadableKeyOrKnownHostsFileIsNamed(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id_ecdsa");
    Files.writeString(key, "not a key, but readable\n");
    assertRefused(CliRun.run("run", "--backend", "ssh", "--nodes", "3", "--hosts", "127.0.0.1:1,127.0.0.1:2,127.0.0.1:3", "--ssh-key", dir.resolve("nokey").toString(),
        "--time-limit", "1", "--out", dir.resolve("runs").toString()), "the ssh key " + dir.resolve("nokey") + " cannot be read (--ssh-key)");
    assertRefused(CliRun.run("run", "--backend", "ssh", "--nodes", "3", "--hosts", "127.0.0.1:1,127.0.0.1:2,127.0.0.1:3", "--ssh-key", key.toString(),
        "--ssh-known-hosts", dir.resolve("none").toString(), "--time-limit", "1", "--out", dir.resolve("runs").toString()),
        "the known_hosts file " + dir.resolve("none") + " cannot be read: give one with --ssh-known-hosts, or skip host key checks with --ssh-insecure");
    assertThat(dir.resolve("runs")).doesNotExist();
  }

  /** cluster start is local only: with the ssh backend and its options it says so, not that the options are unknown. */
  @Test
  void clusterStartOnSshHostsIsRefusedNamingTheCommandsThatRunThem(@TempDir Path dir) {
    String why = "cluster start runs its nodes on this machine only (--backend local), not on the ssh backend: 'quorumlab run"
        + " --backend ssh' and 'quorumlab compare --backend ssh' start its nodes and remove them when the run ends";
    assertRefused(CliRun.run("cluster", "start", "--backend", "ssh", "--dir", dir.toString()), why);
    CliRun withHosts = CliRun.run("cluster", "start", "--backend", "ssh", "--hosts", "a,b,c", "--ssh-user", "root", "--dir", dir.toString());
    assertRefused(withHosts, why);
    assertThat(withHosts.err()).doesNotContain("Unknown option");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void closedPortsOn127AreNamedEachAndNothingRuns(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("id_ecdsa");
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    try (OutputStream o = Files.newOutputStream(key)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(g.generateKeyPair(), "test", null, o);
    }
    int[] ports = new int[3];
    for (int i = 0; i < 3; i++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        ports[i] = s.getLocalPort();
      }
    }
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "# three machines that are not there\n127.0.0.1:" + ports[0] + "\n127.0.0.1:" + ports[1] + "\n\n127.0.0.1:"
        + ports[2] + "\n");
    CliRun r = CliRun.run("run", "--backend", "ssh", "--nodes", "3", "--hosts-file", hosts.toString(), "--ssh-key", key.toString(),
        "--ssh-insecure", "--time-limit", "1", "--out", dir.resolve("runs").toString());
    assertRefused(r, "ssh host 127.0.0.1:" + ports[0] + ": nothing accepts SSH connections on port " + ports[0] + " (connection refused)");
    assertThat(r.err()).contains("ssh host 127.0.0.1:" + ports[2] + ":").contains("nothing was started on any host");
    assertThat(dir.resolve("runs")).as("no run directory for a run that could not start").doesNotExist();
  }
}
