package io.quorumlab.store.membership;

/**
 * Where the {@link Gossiper} puts the messages it wants sent; the node hands them to its
 * transport. Delivery is best effort: a lost message only delays convergence.
 */
@FunctionalInterface
public interface GossipOutbox {
  void send(String toMemberId, GossipMessage message);
}
