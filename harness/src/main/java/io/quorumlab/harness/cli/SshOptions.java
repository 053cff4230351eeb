package io.quorumlab.harness.cli;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.ssh.SshClusterOptions;
import io.quorumlab.harness.cluster.ssh.SshHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The machines of {@code --backend ssh} and how to log in to them; refused with any other backend. */
public final class SshOptions {
  @Option(names = "--hosts", paramLabel = "H1,H2,...",
      description = "ssh: the machines, HOST or HOST:PORT, one node on each (n1 on the first); give --nodes as many.")
  String hosts;

  @Option(names = "--hosts-file", paramLabel = "FILE", description = "ssh: the machines, one a line (# comments), instead of --hosts.")
  Path hostsFile;

  @Option(names = "--ssh-user", paramLabel = "USER",
      description = "ssh: the login on every host: root, or a user with password-less sudo for iptables (default: your user name).")
  String user;

  @Option(names = "--ssh-key", paramLabel = "FILE",
      description = "ssh: a private key (OpenSSH or PEM, Ed25519, ECDSA or RSA, no passphrase); repeatable (default: ~/.ssh/id_ed25519, ~/.ssh/id_ecdsa, ~/.ssh/id_rsa).")
  List<Path> keys = new ArrayList<>();

  @Option(names = "--ssh-port", paramLabel = "PORT", description = "ssh: the port of hosts that name none (default: ${DEFAULT-VALUE}).")
  int port = 22;

  @Option(names = "--ssh-known-hosts", paramLabel = "FILE",
      description = "ssh: the known_hosts file that vouches for each host's key (default: ~/.ssh/known_hosts).")
  Path knownHosts;

  @Option(names = "--ssh-insecure", description = "ssh: accept any host key (no known_hosts check).")
  boolean insecure;

  private boolean given() {
    return hosts != null || hostsFile != null || user != null || !keys.isEmpty() || port != 22 || knownHosts != null || insecure;
  }

  /**
   * The machines and login these options name, or empty when none is given.
   *
   * @throws SpecException when they are given to another backend, or name no host, or both --hosts and --hosts-file
   */
  Optional<SshClusterOptions> target(String backend) {
    if (!"ssh".equals(backend)) {
      if (given()) throw new SpecException("--hosts, --hosts-file and --ssh-* are options of --backend ssh, not " + backend);
      return Optional.empty();
    }
    if (hosts != null && hostsFile != null) throw new SpecException("give --hosts or --hosts-file, not both");
    if (hosts == null && hostsFile == null) return Optional.empty();
    String text = hosts;
    if (hostsFile != null) {
      try {
        text = Files.readString(hostsFile);
      } catch (IOException e) {
        throw new SpecException("cannot read --hosts-file " + hostsFile + ": " + e.getMessage());
      }
    }
    List<SshHost> parsed = SshHost.parseAll(text, port);
    if (parsed.isEmpty()) throw new SpecException("--hosts" + (hostsFile != null ? "-file " + hostsFile : "") + " names no host");
    return Optional.of(SshClusterOptions.of(parsed, user, keys, knownHosts, insecure, null));
  }
}
