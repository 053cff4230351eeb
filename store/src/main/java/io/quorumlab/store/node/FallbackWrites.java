package io.quorumlab.store.node;

import io.quorumlab.store.version.Siblings;

/**
 * Told when this node, as a sloppy-quorum fallback, stored a write meant for {@code owner}: the
 * hinted-handoff component keeps a durable hint and delivers it once the owner is back. Runs on
 * the node's thread, after the write is stored and before it is acknowledged.
 */
public interface FallbackWrites {
  void stored(String owner, String key, Siblings merged);

  FallbackWrites NONE = (owner, key, merged) -> {};
}
