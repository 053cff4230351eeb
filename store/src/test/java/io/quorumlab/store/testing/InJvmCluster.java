package io.quorumlab.store.testing;

import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.server.NodeServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** K real nodes on 127.0.0.1 in this JVM, each with its own port and data directory. */
public final class InJvmCluster implements AutoCloseable {
  private final Map<String, NodeConfig> configs = new LinkedHashMap<>();
  private final Map<String, NodeServer> servers = new LinkedHashMap<>();
  private final List<NettyStoreClient> clients = new ArrayList<>();

  public InJvmCluster(int size, Path dir, UnaryOperator<NodeConfig> customize) throws Exception {
    List<Integer> ports = freePorts(size);
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      members.put("n" + (i + 1), "127.0.0.1:" + ports.get(i));
    }
    for (int i = 0; i < size; i++) {
      String id = "n" + (i + 1);
      NodeConfig c = NodeConfig.defaults(id, ports.get(i), dir.resolve(id).toString(), members);
      configs.put(id, customize.apply(c));
    }
    for (String id : configs.keySet()) {
      start(id);
    }
    for (NodeServer s : servers.values()) {
      if (!s.awaitPeers(Duration.ofSeconds(10))) {
        throw new IllegalStateException(s.nodeId() + " did not connect to its peers");
      }
    }
  }

  public static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        sockets.add(new ServerSocket(0));
      }
      return sockets.stream().map(ServerSocket::getLocalPort).toList();
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
  }

  /**
   * Adds a node that joins the running cluster: its members are every existing node plus itself,
   * its seeds the existing nodes, and {@code join} is set. Started at once.
   */
  public NodeServer join(String id, Path dir, UnaryOperator<NodeConfig> customize) throws Exception {
    int port = freePorts(1).get(0);
    NodeConfig any = configs.values().iterator().next();
    Map<String, String> members = new LinkedHashMap<>(any.members());
    List<String> seeds = List.copyOf(members.keySet());
    members.put(id, "127.0.0.1:" + port);
    NodeConfig c = customize.apply(any.toBuilder().nodeId(id).port(port).dataDir(dir.resolve(id).toString())
        .members(members).seeds(seeds).join(true).build());
    configs.put(id, c);
    start(id);
    return servers.get(id);
  }

  /** Status of {@code id} as its own failure detector and components see the cluster. */
  public io.quorumlab.store.admin.NodeStatus status(String id) {
    try {
      return servers.get(id).status();
    } catch (Exception e) {
      throw new IllegalStateException("status of " + id + ": " + e, e);
    }
  }

  public void start(String id) throws InterruptedException {
    servers.put(id, NodeServer.start(configs.get(id)));
  }

  public void stop(String id) {
    NodeServer s = servers.remove(id);
    if (s != null) {
      s.close();
    }
  }

  public NodeServer server(String id) {
    return servers.get(id);
  }

  public NodeConfig config(String id) {
    return configs.get(id);
  }

  public List<String> nodes() {
    return List.copyOf(configs.keySet());
  }

  public NettyStoreClient client(String id) {
    NodeConfig c = configs.get(id);
    NettyStoreClient client = NettyStoreClient.connect(new java.net.InetSocketAddress("127.0.0.1", c.port()), ClientOptions.DEFAULTS);
    clients.add(client);
    return client;
  }

  @Override
  public void close() {
    clients.forEach(NettyStoreClient::close);
    new ArrayList<>(servers.keySet()).forEach(this::stop);
  }
}
