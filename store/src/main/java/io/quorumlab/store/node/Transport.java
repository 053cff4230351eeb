package io.quorumlab.store.node;

import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.PeerMessage;

/**
 * How a node's messages leave it. Both calls are fire-and-forget and must not block: a message to
 * an unreachable peer is dropped (the coordinator's timeout accounts for it), as on a network.
 */
public interface Transport {

  /** Sends over this node's link to {@code node}. Never called with the node's own id. */
  void send(String node, PeerMessage message);

  /** Answers a client request that arrived on {@code client}'s connection. */
  void reply(ClientRef client, ClientReply reply);

  /**
   * Tells the transport where a member it had no address for listens (learnt through gossip, e.g.
   * a node that joined). An address the node's config gives for a member takes precedence: the
   * transport keeps that one.
   */
  default void learnAddress(String node, String address) {}
}
