package io.quorumlab.harness.cluster.local;

import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.store.config.NodeConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to build a {@link LocalCluster}.
 *
 * @param nodes how many nodes ("n1".."nK")
 * @param template cluster-wide node settings (N, W, R, modes, timeouts...); identity, listen
 *     address, data directory and members are filled in per node
 * @param dir working directory: {@code <node>/data}, {@code <node>/node.json},
 *     {@code <node>/node.log} and {@code cluster.pids}; null for a temporary directory that
 *     {@code close()} deletes
 * @param classpath of the node JVMs; null for this JVM's own
 * @param jvmArgs options of each node JVM (heap size first: 5 nodes share 2 cores)
 * @param mainClass the CLI whose {@code serve --config FILE} runs one node
 * @param startTimeout how long a node may take to answer on its port
 */
public record LocalClusterOptions(
    int nodes,
    NodeConfig template,
    Path dir,
    List<String> classpath,
    List<String> jvmArgs,
    String mainClass,
    Duration startTimeout) {

  public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xss512k", "-XX:MaxDirectMemorySize=64m");
  public static final String DEFAULT_MAIN = io.quorumlab.harness.cluster.NodeCommand.CLI_MAIN;

  public LocalClusterOptions {
    NodeConfigs.nodeIds(nodes);
    if (template == null) template = NodeConfigs.template();
    if (classpath == null) classpath = Classpath.current();
    if (jvmArgs == null) jvmArgs = DEFAULT_JVM_ARGS;
    if (mainClass == null) mainClass = DEFAULT_MAIN;
    if (startTimeout == null) startTimeout = Duration.ofSeconds(60);
    classpath = List.copyOf(classpath);
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** {@code nodes} nodes with the given settings, everything else by default. */
  public static LocalClusterOptions of(int nodes, NodeConfig template) {
    return new LocalClusterOptions(nodes, template, null, null, null, null, null);
  }

  public LocalClusterOptions withDir(Path value) {
    return new LocalClusterOptions(nodes, template, value, classpath, jvmArgs, mainClass, startTimeout);
  }

  public LocalClusterOptions withJvmArgs(List<String> value) {
    return new LocalClusterOptions(nodes, template, dir, classpath, value, mainClass, startTimeout);
  }

  public LocalClusterOptions withMainClass(String value) {
    return new LocalClusterOptions(nodes, template, dir, classpath, jvmArgs, value, startTimeout);
  }

  public LocalClusterOptions withClasspath(List<String> value) {
    return new LocalClusterOptions(nodes, template, dir, value, jvmArgs, mainClass, startTimeout);
  }
}
