package io.quorumlab.harness.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.store.config.NodeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns the cluster-wide template into one node's config, and writes it as the node reads it. */
public final class NodeConfigs {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private NodeConfigs() {}

  /** The defaults of {@link NodeConfig#defaults}; a backend fills in identity and membership. */
  public static NodeConfig template() {
    return NodeConfig.defaults("n1", 0, "", Map.of());
  }

  /** Node ids "n1".."nK". */
  public static List<String> nodeIds(int count) {
    if (count < 1) throw new IllegalArgumentException("a cluster needs at least one node, not " + count);
    return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> "n" + i).toList();
  }

  /**
   * The template with this node's identity. Seeds: the template's when they are all members,
   * otherwise every member.
   */
  public static NodeConfig forNode(NodeConfig t, String nodeId, String listenHost, int port, String dataDir,
      Map<String, String> members) {
    List<String> seeds = t.seeds() != null && !t.seeds().isEmpty() && members.keySet().containsAll(t.seeds())
        ? t.seeds() : List.copyOf(members.keySet());
    return new NodeConfig(nodeId, listenHost, port, dataDir, Map.copyOf(members), seeds, t.n(), t.w(), t.r(),
        t.quorum(), t.readRepair(), t.conflicts(), t.fsync(), t.fsyncIntervalMs(), t.storage(), t.vnodes(),
        t.requestTimeoutMs(), t.gossipIntervalMs(), t.gossipFanout(), t.phiThreshold(), t.antiEntropyIntervalMs(),
        t.maxFrameBytes(), t.maxValueBytes());
  }

  public static String toJson(NodeConfig config) {
    try {
      return JSON.writeValueAsString(config);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise node config", e);
    }
  }

  public static void write(NodeConfig config, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, toJson(config));
  }

  /** Checks the settings a cluster of {@code nodes} can never satisfy, before anything starts. */
  public static void validate(NodeConfig t, int nodes) {
    if (t.n() < 1 || t.n() > nodes) throw new io.quorumlab.harness.cli.UsageException("N=" + t.n() + " needs 1 <= N <= nodes (" + nodes + ")");
    if (t.w() < 1 || t.w() > t.n()) throw new io.quorumlab.harness.cli.UsageException("W=" + t.w() + " needs 1 <= W <= N (" + t.n() + ")");
    if (t.r() < 1 || t.r() > t.n()) throw new io.quorumlab.harness.cli.UsageException("R=" + t.r() + " needs 1 <= R <= N (" + t.n() + ")");
  }
}
