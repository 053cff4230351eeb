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

  /**
   * Whether bulk traffic (anti-entropy values) of {@code bytes} may be handed to the link to
   * {@code node} now without crowding out other messages: the transport drops messages once a
   * link's backlog is full, so bulk senders wait until it has drained. True when the transport
   * cannot tell.
   */
  default boolean hasRoomFor(String node, int bytes) {
    return true;
  }
}
