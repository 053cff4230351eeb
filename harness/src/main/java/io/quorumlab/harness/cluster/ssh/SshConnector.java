package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.cluster.ClusterUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;

/**
 * Opens the logged-in sessions of a cluster, with one SSH client for all of them: host keys checked
 * against known_hosts (unless insecure), public-key login only. Every failure becomes a one-line
 * {@link ClusterUnavailableException} that names the host and what to do.
 */
final class SshConnector implements AutoCloseable {
  private final SshClusterOptions options;
  private final SshClient client;

  SshConnector(SshClusterOptions options) {
    this.options = options;
    List<Path> keys = options.keys().isEmpty() ? defaultKeys() : options.keys();
    for (Path k : keys) {
      if (!Files.isReadable(k)) throw new ClusterUnavailableException("the ssh key " + k + " cannot be read (--ssh-key)");
    }
    if (keys.isEmpty()) {
      throw new ClusterUnavailableException("no ssh key: give one with --ssh-key (Ed25519, ECDSA or RSA; none of ~/.ssh/id_ed25519, ~/.ssh/id_ecdsa, ~/.ssh/id_rsa exists)");
    }
    if (!options.insecure() && !Files.isReadable(options.knownHosts())) {
      throw new ClusterUnavailableException("the known_hosts file " + options.knownHosts() + " cannot be read: give one with"
          + " --ssh-known-hosts, or skip host key checks with --ssh-insecure");
    }
    client = SshClient.setUpDefaultClient();
    // A run may leave a session quiet for longer than MINA's default idle timeout (10 min): keep it
    // open, with a keep-alive so that a NAT or firewall in between does not forget it either.
    CoreModuleProperties.IDLE_TIMEOUT.set(client, Duration.ZERO);
    CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, Duration.ofSeconds(30));
    client.setKeyIdentityProvider(new FileKeyPairProvider(keys));
    client.setServerKeyVerifier(options.insecure() ? AcceptAllServerKeyVerifier.INSTANCE
        : new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, options.knownHosts()));
    client.start();
  }

  private static List<Path> defaultKeys() {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return java.util.stream.Stream.of("id_ed25519", "id_ecdsa", "id_rsa").map(ssh::resolve).filter(Files::isReadable).toList();
  }

  /** Resolves, connects and logs in to {@code host}; the address it resolved to is the node's. */
  Remote connect(SshHost host) {
    String address;
    try {
      address = InetAddress.getByName(host.name()).getHostAddress();
    } catch (UnknownHostException e) {
      throw fail(host, "its name does not resolve");
    }
    ClientSession session = null;
    try {
      session = client.connect(options.user(), address, host.port()).verify(options.connectTimeout()).getSession();
      session.auth().verify(options.connectTimeout());
      return new Remote(host, address, session);
    } catch (IOException | RuntimeException e) {
      if (session != null) session.close(true);
      throw fail(host, why(e));
    }
  }

  private String why(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException) return "nothing accepts SSH connections on port " + "%d (connection refused)";
      if (t instanceof NoRouteToHostException) return "no route to it";
      String m = String.valueOf(t.getMessage());
      if (m.contains("Server key did not validate")) {
        return "its host key is not in " + options.knownHosts() + " (add it, e.g. ssh-keyscan HOST >> "
            + options.knownHosts() + ", or give --ssh-insecure)";
      }
      if (m.contains("No more authentication methods") || m.contains("authentication")) {
        return "it refused the key for user " + options.user() + " (the key's public half must be in its ~/.ssh/authorized_keys)";
      }
      if (m.toLowerCase(java.util.Locale.ROOT).contains("timeout") || m.contains("timed out")) {
        return "no answer within " + options.connectTimeout().toSeconds() + " s";
      }
    }
    return String.valueOf(e.getMessage());
  }

  private static ClusterUnavailableException fail(SshHost host, String why) {
    return new ClusterUnavailableException("ssh host " + host + ": " + why.replace("%d", String.valueOf(host.port())).replace('\n', ' '));
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (RuntimeException e) {
      // stopping anyway
    }
  }
}
