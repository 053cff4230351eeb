package io.quorumlab.harness.cluster.ssh;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.harness.cluster.docker.DockerClusterOptions;
import io.quorumlab.store.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to build an {@link SshCluster}: one node on each host, "n1" on the first.
 *
 * @param hosts the machines, one node each
 * @param user the login on every host (root, or a user with password-less sudo for iptables)
 * @param keys private keys to offer (OpenSSH or PEM files, Ed25519, ECDSA or RSA); empty: ~/.ssh/id_ed25519, id_ecdsa and id_rsa
 * @param knownHosts the known_hosts file that vouches for each host's key; null: ~/.ssh/known_hosts
 * @param insecure accept any host key (no known_hosts check)
 * @param template cluster-wide node settings; identity, address, data directory and members are filled in
 * @param classpath uploaded to each host; null for this JVM's own
 * @param jvmArgs options of each node JVM
 * @param nodePort the port each node listens on, on every host
 * @param remoteDir the run's directory on each host; it must not exist when the run starts
 * @param connectTimeout for each SSH connection and login
 * @param startTimeout how long a node may take to listen on its port
 */
public record SshClusterOptions(
    List<SshHost> hosts,
    String user,
    List<Path> keys,
    Path knownHosts,
    boolean insecure,
    NodeConfig template,
    List<String> classpath,
    List<String> jvmArgs,
    int nodePort,
    String remoteDir,
    Duration connectTimeout,
    Duration startTimeout) {

  public static final int DEFAULT_NODE_PORT = 7000;
  public static final String DEFAULT_REMOTE_DIR = "/var/tmp/quorumlab";

  public SshClusterOptions {
    if (hosts == null || hosts.isEmpty()) throw new SpecException("the ssh backend needs --hosts or --hosts-file");
    hosts = List.copyOf(hosts);
    if (user == null || user.isBlank()) user = System.getProperty("user.name");
    keys = keys == null ? List.of() : List.copyOf(keys);
    if (knownHosts == null) knownHosts = Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    if (template == null) template = NodeConfigs.template();
    if (classpath == null) classpath = Classpath.current();
    if (jvmArgs == null) jvmArgs = DockerClusterOptions.DEFAULT_JVM_ARGS;
    if (nodePort == 0) nodePort = DEFAULT_NODE_PORT;
    if (remoteDir == null) remoteDir = DEFAULT_REMOTE_DIR;
    if (!remoteDir.matches("/[A-Za-z0-9._/-]+")) throw new SpecException("the remote directory '" + remoteDir + "' must be an absolute path of plain characters");
    if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
    if (startTimeout == null) startTimeout = Duration.ofSeconds(90);
    classpath = List.copyOf(classpath);
    jvmArgs = List.copyOf(jvmArgs);
  }

  public static SshClusterOptions of(List<SshHost> hosts, String user, List<Path> keys, Path knownHosts, boolean insecure, NodeConfig template) {
    return new SshClusterOptions(hosts, user, keys, knownHosts, insecure, template, null, null, 0, null, null, null);
  }

  public SshClusterOptions withTemplate(NodeConfig value) {
    return new SshClusterOptions(hosts, user, keys, knownHosts, insecure, value, classpath, jvmArgs, nodePort, remoteDir, connectTimeout, startTimeout);
  }

  public SshClusterOptions withRemoteDir(String value) {
    return new SshClusterOptions(hosts, user, keys, knownHosts, insecure, template, classpath, jvmArgs, nodePort, value, connectTimeout, startTimeout);
  }

  public SshClusterOptions withConnectTimeout(Duration value) {
    return new SshClusterOptions(hosts, user, keys, knownHosts, insecure, template, classpath, jvmArgs, nodePort, remoteDir, value, startTimeout);
  }
}
