package io.quorumlab.harness.cluster.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.ClusterUnavailableException;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.testing.RequiresDocker;
import io.quorumlab.store.config.NodeConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hosts that cannot take a node are refused before anything is changed on any host, in one line
 * that names each of them: no java, a key the host refuses, a host key not in known_hosts, the
 * directory and node of another run. Three sshd containers; the third has no java.
 */
@RequiresDocker
@RequiresSshHosts
class SshPreflightTest extends ThreeSshHosts {
  SshPreflightTest() {
    super(1);
  }

  private static NodeConfig template() {
    return NodeConfigs.template().toBuilder().n(1).w(1).r(1).build();
  }

  private SshClusterOptions on(List<SshHost> some) {
    return new SshClusterOptions(some, "root", List.of(hosts.key), hosts.knownHosts, false, template(), null, null, 0, null, null, null);
  }

  @Test
  void aHostWithoutJavaIsNamedAndNothingStartsAnywhere() throws Exception {
    SshCluster c = new SshCluster(on(all));
    assertThatThrownBy(c::start)
        .isInstanceOf(ClusterUnavailableException.class)
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("ssh host " + all.get(2) + ": no java on its PATH")
        .hasMessageContaining("nothing was started on any host")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(all.get(0).name() + ":").doesNotContain("\n"));
    c.close();
    assertUntouched(0);
    assertUntouched(1);
  }

  @Test
  void aKeyTheHostsRefuseIsNamed() throws Exception {
    SshClusterOptions o = new SshClusterOptions(all.subList(0, 2), "root", List.of(hosts.strangerKey()), hosts.knownHosts, false,
        template(), null, null, 0, null, null, null);
    SshCluster c = new SshCluster(o);
    assertThatThrownBy(c::preflight)
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("ssh host " + all.get(0) + ": it refused the key for user root")
        .hasMessageContaining("ssh host " + all.get(1) + ": it refused the key for user root");
    c.close();
  }

  @Test
  void aHostKeyOutsideKnownHostsIsRefusedUnlessInsecure() throws Exception {
    var empty = hosts.dir.resolve("empty_known_hosts");
    Files.writeString(empty, "");
    SshCluster strict = new SshCluster(new SshClusterOptions(all.subList(0, 1), "root", List.of(hosts.key), empty, false, template(),
        null, null, 0, null, null, null));
    assertThatThrownBy(strict::preflight)
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessageContaining("ssh host " + all.get(0) + ": its host key is not in " + empty);
    strict.close();
    SshCluster insecure = new SshCluster(new SshClusterOptions(all.subList(0, 1), "root", List.of(hosts.key), empty, true, template(),
        null, null, 0, null, null, null));
    insecure.preflight(); // logs in and finds the host fit
    insecure.close();
  }

  @Test
  void aHostWithAnotherRunsNodeIsRefusedAndLeftAlone() throws Exception {
    var r = hosts.exec(1, "mkdir -p /var/tmp/quorumlab && (setsid sleep 300 >/dev/null 2>&1 & echo $! > /var/tmp/quorumlab/node.pid) && cat /var/tmp/quorumlab/node.pid");
    String pid = r.output().strip();
    try {
      SshCluster c = new SshCluster(on(all.subList(0, 2)));
      assertThatThrownBy(c::start)
          .isInstanceOf(ClusterUnavailableException.class)
          .hasMessageContaining("ssh host " + all.get(1) + ": a previous run left its node (pid " + pid + ", still running), /var/tmp/quorumlab there")
          .hasMessageContaining("`kill -9 " + pid + "; rm -rf /var/tmp/quorumlab`");
      c.close();
      assertUntouched(0);
      assertThat(hosts.exec(1, "kill -0 " + pid + " && ls /var/tmp/quorumlab").output()).as("the other run's node and directory").contains("node.pid");
    } finally {
      hosts.exec(1, "kill " + pid + "; rm -rf /var/tmp/quorumlab");
    }
  }

  /** A node that dies at start fails the start at once, with its log, and the run leaves nothing on any host. */
  @Test
  void aNodeThatCannotStartIsReportedAndEveryHostIsCleanedUp() throws Exception {
    SshClusterOptions o = new SshClusterOptions(all.subList(0, 2), "root", List.of(hosts.key), hosts.knownHosts, false, template(),
        null, List.of("-Xmx1k"), 0, null, null, null);
    SshCluster c = new SshCluster(o);
    assertThatThrownBy(c::start)
        .hasMessageContaining("exited before listening")
        .hasMessageContaining("heap");
    c.close();
    assertUntouched(0);
    assertUntouched(1);
  }

  @Test
  void aClosedPortIsNamedAtOnce() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    SshCluster c = new SshCluster(on(List.of(new SshHost("127.0.0.1", port))));
    long t0 = System.nanoTime();
    assertThatThrownBy(c::preflight)
        .isInstanceOf(ClusterUnavailableException.class)
        .hasMessage("ssh host 127.0.0.1:" + port + ": nothing accepts SSH connections on port " + port
            + " (connection refused) (nothing was started on any host)");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    c.close();
  }
}
