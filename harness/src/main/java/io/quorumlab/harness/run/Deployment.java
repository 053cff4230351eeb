package io.quorumlab.harness.run;

import io.quorumlab.harness.cluster.Cluster;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.StoreClient;

/**
 * What a {@link Backend} set up for one run: the loop that keeps its time, its cluster, and how a
 * client reaches a node. Closing it closes the cluster, then the loop.
 */
public record Deployment(EventLoop loop, Cluster cluster, Connector connector) implements AutoCloseable {

  /** Opens a client to one node of the cluster; the node coordinates every request sent through it. */
  @FunctionalInterface
  public interface Connector {
    StoreClient connect(String node, ClientOptions options);
  }

  public StoreClient connect(String node, ClientOptions options) {
    return connector.connect(node, options);
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } finally {
      loop.close();
    }
  }
}
