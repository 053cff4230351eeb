package io.quorumlab.harness.run;

import io.quorumlab.store.client.StoreClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client per node; the node a client is connected to coordinates every request sent through it.
 * Clients are thread-safe and pipelined, so all processes share them.
 */
public final class NodeClients implements AutoCloseable {
  private final Map<String, StoreClient> clients;
  private final List<String> nodes;

  public NodeClients(Map<String, StoreClient> clients) {
    if (clients.isEmpty()) throw new IllegalArgumentException("no clients");
    this.clients = new LinkedHashMap<>(clients);
    this.nodes = List.copyOf(clients.keySet());
  }

  public List<String> nodes() {
    return nodes;
  }

  /** The node for the {@code i}-th op: round-robin, so every node coordinates an equal share. */
  public String nodeFor(long i) {
    return nodes.get((int) Math.floorMod(i, (long) nodes.size()));
  }

  public StoreClient client(String node) {
    StoreClient c = clients.get(node);
    if (c == null) throw new IllegalArgumentException("no client for node " + node);
    return c;
  }

  @Override
  public void close() {
    for (StoreClient c : clients.values()) {
      try {
        c.close();
      } catch (RuntimeException e) {
        // closing the others matters more
      }
    }
  }
}
