package io.quorumlab.harness.cluster;

import io.quorumlab.harness.SpecException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Turns the cluster-wide template into one node's config, and writes it as the node reads it. */
public final class NodeConfigs {
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
    return t.toBuilder().nodeId(nodeId).listenHost(listenHost).port(port).dataDir(dataDir).members(Map.copyOf(members))
        .seeds(seeds).build();
  }

  /**
   * The template as the nodes of one cluster share it: named {@code clusterName} with a fresh
   * secret, so that no node of another cluster (a leftover of a killed harness listening on a
   * recycled port, say) is taken for a peer. A template that names its own cluster keeps it.
   */
  public static NodeConfig inCluster(NodeConfig t, String clusterName) {
    if (!NodeConfig.DEFAULT_CLUSTER_NAME.equals(t.clusterName())) return t;
    return t.withCluster(clusterName, newSecret());
  }

  /** 128 random bits, hex. */
  public static String newSecret() {
    byte[] b = new byte[16];
    new java.security.SecureRandom().nextBytes(b);
    return java.util.HexFormat.of().formatHex(b);
  }

  /** The node's config in the store's own JSON form (what {@code serve --config} reads). */
  public static String toJson(NodeConfig config) {
    return NodeConfigJson.toJson(config);
  }

  public static void write(NodeConfig config, Path file) throws IOException {
    NodeConfigJson.write(config, file);
  }

  /** Checks the settings a cluster of {@code nodes} can never satisfy, before anything starts. */
  public static void validate(NodeConfig t, int nodes) {
    if (t.n() < 1 || t.n() > nodes) throw new io.quorumlab.harness.SpecException("N=" + t.n() + " needs 1 <= N <= nodes (" + nodes + ")");
    if (t.w() < 1 || t.w() > t.n()) throw new io.quorumlab.harness.SpecException("W=" + t.w() + " needs 1 <= W <= N (" + t.n() + ")");
    if (t.r() < 1 || t.r() > t.n()) throw new io.quorumlab.harness.SpecException("R=" + t.r() + " needs 1 <= R <= N (" + t.n() + ")");
  }
}
