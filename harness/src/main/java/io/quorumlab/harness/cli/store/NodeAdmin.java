package io.quorumlab.harness.cli.store;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeConfigJson;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Admin requests to the nodes of a local cluster, and edits of their config files. */
public final class NodeAdmin {
  static final ClientOptions OPTIONS = ClientOptions.DEFAULTS.withConnectTimeoutMs(500).withRequestTimeoutMs(3000);

  private NodeAdmin() {}

  /** The node's status, or empty when it does not answer. */
  public static Optional<NodeStatus> status(ClusterState.Node node) {
    try (NettyStoreClient c = NettyStoreClient.connect(new InetSocketAddress(node.host(), node.port()), OPTIONS)) {
      return Optional.of(c.status());
    } catch (StoreException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Statuses of the nodes that answer, in the order of {@code nodes}. */
  public static Map<String, NodeStatus> statuses(List<ClusterState.Node> nodes) {
    Map<String, NodeStatus> out = new LinkedHashMap<>();
    for (ClusterState.Node n : nodes) {
      status(n).ifPresent(s -> out.put(n.id(), s));
    }
    return out;
  }

  /** Sends {@code command} to the node; a refusal throws {@link io.quorumlab.store.client.InvalidRequestException}. */
  public static String admin(ClusterState.Node node, String command) throws StoreException {
    try (NettyStoreClient c = NettyStoreClient.connect(new InetSocketAddress(node.host(), node.port()), OPTIONS)) {
      return c.admin(command);
    }
  }

  /**
   * Rewrites the config file of each node with {@code edit}, so a node restarted later starts with
   * today's membership (a running node reads its file only at start).
   */
  public static List<String> editConfigs(List<ClusterState.Node> nodes, UnaryOperator<NodeConfig> edit) {
    List<String> failed = new ArrayList<>();
    for (ClusterState.Node n : nodes) {
      try {
        Path file = Path.of(n.config());
        NodeConfigJson.write(edit.apply(NodeConfigJson.read(file)), file);
      } catch (IOException | IllegalArgumentException e) {
        failed.add(n.id() + ": " + e.getMessage());
      }
    }
    return failed;
  }

  /** {@code c} with {@code id} added to its members (at {@code address}). */
  public static NodeConfig withMember(NodeConfig c, String id, String address) {
    Map<String, String> members = new LinkedHashMap<>(c.members());
    members.put(id, address);
    return c.toBuilder().members(members).build();
  }

  /** {@code c} without member {@code id} (and without it as a seed). */
  public static NodeConfig withoutMember(NodeConfig c, String id) {
    Map<String, String> members = new LinkedHashMap<>(c.members());
    members.remove(id);
    List<String> seeds = new ArrayList<>(c.seeds() == null ? List.of() : c.seeds());
    seeds.remove(id);
    if (seeds.isEmpty()) {
      seeds.addAll(members.keySet());
    }
    return c.toBuilder().members(members).seeds(seeds).build();
  }
}
