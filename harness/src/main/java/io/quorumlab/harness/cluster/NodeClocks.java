package io.quorumlab.harness.cluster;

import io.quorumlab.store.admin.AdminJson;
import io.quorumlab.store.admin.ClockCommand;
import io.quorumlab.store.client.ClientOptions;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.node.ClockSkew;
import java.net.InetSocketAddress;

/** Skews a node process's wall clock through its admin protocol (the same for local and docker nodes). */
public final class NodeClocks {
  private static final ClientOptions OPTIONS = ClientOptions.DEFAULTS.withConnectTimeoutMs(1000).withRequestTimeoutMs(3000);

  private NodeClocks() {}

  /**
   * Sets the skew of the node listening at {@code address} and checks that it took.
   *
   * @throws StoreException when the node does not answer or refuses
   */
  public static ClockCommand.ClockState skew(InetSocketAddress address, ClockSkew skew) throws StoreException {
    try (NettyStoreClient c = NettyStoreClient.connect(address, OPTIONS)) {
      ClockCommand.ClockState state = AdminJson.clockState(c.admin(ClockCommand.set(skew)));
      if (!state.skew().equals(skew)) {
        throw new IllegalStateException("the node at " + address + " answered skew " + state.skew() + " to a request for " + skew);
      }
      return state;
    }
  }

  /** The skew in force at the node listening at {@code address}. */
  public static ClockCommand.ClockState read(InetSocketAddress address) throws StoreException {
    try (NettyStoreClient c = NettyStoreClient.connect(address, OPTIONS)) {
      return AdminJson.clockState(c.admin(ClockCommand.NAME));
    }
  }
}
