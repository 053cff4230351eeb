package io.quorumlab.store.node;

/**
 * Whether this node may answer a replica read of a key. A node that took over a range whose data
 * it is still pulling refuses reads of it (they fail at that replica, as an unreadable record does),
 * so a quorum read never counts it before it holds what the range's other replicas hold.
 */
@FunctionalInterface
public interface ReadGate {
  ReadGate OPEN = key -> true;

  boolean serves(String key);
}
