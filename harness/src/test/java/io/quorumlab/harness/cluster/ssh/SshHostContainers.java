package io.quorumlab.harness.cluster.ssh;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import io.quorumlab.harness.cluster.docker.DockerEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * Docker containers that stand in for remote machines, as Jepsen's Docker setup does: each runs
 * Debian's sshd (image from scripts/build-ssh-host-image.sh) with NET_ADMIN for iptables, reached
 * over the Docker bridge. A throwaway key pair is made for them, its public half put in root's
 * authorized_keys, and a known_hosts file is written from each container's own host keys.
 */
final class SshHostContainers implements AutoCloseable {
  static final String IMAGE_ENV = "QUORUMLAB_SSH_HOST_IMAGE";
  static final String LABEL = "io.quorumlab.ssh-test-host";

  final Path dir;
  final Path key;
  final Path knownHosts;
  final List<String> containerIds = new ArrayList<>();
  final List<SshHost> hosts = new ArrayList<>();
  private final KeyPair keyPair;

  static String image() {
    String env = System.getenv(IMAGE_ENV);
    return env == null || env.isBlank() ? "quorumlab/ssh-host:bookworm" : env;
  }

  /** Whether the ssh host image is there (built by scripts/build-ssh-host-image.sh). */
  static boolean imagePresent() {
    try {
      DockerEngine.client().inspectImageCmd(image()).exec();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  SshHostContainers() throws IOException, GeneralSecurityException {
    dir = Files.createTempDirectory("quorumlab-ssh-test-");
    keyPair = newKeyPair();
    key = dir.resolve("id_ecdsa");
    try (OutputStream out = Files.newOutputStream(key)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(keyPair, "quorumlab-test", null, out);
    }
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, "");
  }

  static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  /** A key pair no host accepts, written like the real one. */
  Path strangerKey() throws IOException, GeneralSecurityException {
    Path p = dir.resolve("id_stranger");
    try (OutputStream out = Files.newOutputStream(p)) {
      new OpenSSHKeyPairResourceWriter().writePrivateKey(newKeyPair(), "stranger", null, out);
    }
    return p;
  }

  /** Starts {@code count} hosts; {@code withoutJava} of them (the last ones) have no java on their PATH. */
  List<SshHost> start(int count, int withoutJava) throws Exception {
    DockerClient c = DockerEngine.client();
    String pub = PublicKeyEntry.toString(keyPair.getPublic());
    for (int i = 0; i < count; i++) {
      String id = c.createContainerCmd(image()).withLabels(Map.of(LABEL, "true"))
          .withHostConfig(HostConfig.newHostConfig().withCapAdd(Capability.NET_ADMIN).withInit(true))
          .exec().getId();
      containerIds.add(id);
      c.startContainerCmd(id).exec();
    }
    StringBuilder known = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String id = containerIds.get(i);
      String ip = c.inspectContainerCmd(id).exec().getNetworkSettings().getNetworks().values().iterator().next().getIpAddress();
      String setup = "echo '" + pub + "' > /root/.ssh/authorized_keys && chmod 600 /root/.ssh/authorized_keys"
          + (i >= count - withoutJava ? " && rm -f /usr/bin/java /etc/alternatives/java" : "")
          + "; for n in $(seq 1 100); do [ -f /etc/ssh/ssh_host_ecdsa_key.pub ] && break; sleep 0.1; done;"
          + " cat /etc/ssh/ssh_host_ecdsa_key.pub /etc/ssh/ssh_host_rsa_key.pub";
      DockerEngine.ExecResult r = DockerEngine.exec(id, setup, 30);
      if (!r.ok()) throw new IllegalStateException("ssh host setup failed: " + r.output());
      for (String line : r.output().strip().split("\n")) {
        String[] parts = line.strip().split("\\s+");
        known.append(ip).append(' ').append(parts[0]).append(' ').append(parts[1]).append('\n');
      }
      awaitPort(ip, 22);
      hosts.add(new SshHost(ip, 22));
    }
    Files.writeString(knownHosts, known.toString(), StandardCharsets.UTF_8);
    return List.copyOf(hosts);
  }

  private static void awaitPort(String ip, int port) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(ip, port), 500);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("sshd on " + ip + " did not listen within 30 s");
  }

  /** The options for these hosts with the throwaway key and known_hosts. */
  SshClusterOptions options(io.quorumlab.store.config.NodeConfig template) {
    return SshClusterOptions.of(hosts, "root", List.of(key), knownHosts, false, template);
  }

  /** Runs {@code script} on host {@code i} through Docker (not SSH): to look behind the backend's back. */
  DockerEngine.ExecResult exec(int i, String script) throws InterruptedException {
    return DockerEngine.exec(containerIds.get(i), script, 30);
  }

  /**
   * What a run has left on host {@code i}, as seen through Docker: the run's directory, a node
   * process, our iptables chains and rules, netem shaping; empty when none.
   */
  String traces(int i) throws InterruptedException {
    return exec(i, "ls -d /var/tmp/quorumlab 2>/dev/null; pgrep -af '[q]uorumlab.harness.cli.Main serve';"
        + " iptables -w -S 2>/dev/null | grep QL_; tc qdisc show 2>/dev/null | grep netem; true").output().strip();
  }

  @Override
  public void close() {
    DockerClient c = DockerEngine.client();
    for (String id : containerIds) {
      try {
        c.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
      } catch (RuntimeException e) {
        // gone already
      }
    }
    try (var s = Files.walk(dir)) {
      s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp dir
    }
  }
}
