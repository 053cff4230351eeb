package io.quorumlab.store.node;

import io.quorumlab.store.version.Siblings;

/**
 * Told of every change to this node's stored state of a key, whatever caused it (a coordinated
 * put, a replica write, read repair, a delivered hint, an anti-entropy repair, a range transfer).
 * Anti-entropy keeps its Merkle trees current from it, and range transfer forwards writes to a node
 * that is taking over the key. Runs on the node's thread right after the state is stored.
 */
public interface DataWrites {
  void written(String key, Siblings state);

  DataWrites NONE = (key, state) -> {};
}
