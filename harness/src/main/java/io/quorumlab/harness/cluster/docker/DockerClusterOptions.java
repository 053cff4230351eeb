package io.quorumlab.harness.cluster.docker;

import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.cluster.NodeConfigs;
import io.quorumlab.store.config.NodeConfig;
import java.time.Duration;
import java.util.List;

/**
 * How to build a {@link DockerCluster}.
 *
 * @param nodes how many nodes ("n1".."nK")
 * @param template cluster-wide node settings; identity, listen address, data directory and
 *     members are filled in per node
 * @param baseImage image with a JRE 17, iptables and iproute2 that the node image is built on
 * @param classpath copied into the node image; null for this JVM's own
 * @param jvmArgs options of each node JVM
 * @param mainClass the CLI whose {@code serve --config FILE} runs one node
 * @param startTimeout how long a node may take to listen on its port
 */
public record DockerClusterOptions(
    int nodes,
    NodeConfig template,
    String baseImage,
    List<String> classpath,
    List<String> jvmArgs,
    String mainClass,
    Duration startTimeout) {

  public static final String DEFAULT_BASE_IMAGE = "quorumlab/base:bookworm";
  public static final String BASE_IMAGE_ENV = "QUORUMLAB_BASE_IMAGE";
  public static final List<String> DEFAULT_JVM_ARGS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xss512k", "-XX:MaxDirectMemorySize=64m");

  public DockerClusterOptions {
    NodeConfigs.nodeIds(nodes);
    if (template == null) template = NodeConfigs.template();
    if (baseImage == null || baseImage.isBlank()) baseImage = defaultBaseImage();
    if (classpath == null) classpath = Classpath.current();
    if (jvmArgs == null) jvmArgs = DEFAULT_JVM_ARGS;
    if (mainClass == null) mainClass = io.quorumlab.harness.cluster.NodeCommand.CLI_MAIN;
    if (startTimeout == null) startTimeout = Duration.ofSeconds(90);
    classpath = List.copyOf(classpath);
    jvmArgs = List.copyOf(jvmArgs);
  }

  /** {@code $QUORUMLAB_BASE_IMAGE}, or {@value #DEFAULT_BASE_IMAGE} (built by scripts/build-base-image.sh). */
  public static String defaultBaseImage() {
    String env = System.getenv(BASE_IMAGE_ENV);
    return env == null || env.isBlank() ? DEFAULT_BASE_IMAGE : env.strip();
  }

  public static DockerClusterOptions of(int nodes, NodeConfig template) {
    return new DockerClusterOptions(nodes, template, null, null, null, null, null);
  }

  public DockerClusterOptions withBaseImage(String value) {
    return new DockerClusterOptions(nodes, template, value, classpath, jvmArgs, mainClass, startTimeout);
  }

  public DockerClusterOptions withJvmArgs(List<String> value) {
    return new DockerClusterOptions(nodes, template, baseImage, classpath, value, mainClass, startTimeout);
  }

  public DockerClusterOptions withMainClass(String value) {
    return new DockerClusterOptions(nodes, template, baseImage, classpath, jvmArgs, value, startTimeout);
  }
}
