package io.quorumlab.store.antientropy;

import java.util.BitSet;
import java.util.Objects;

/**
 * One step of the descent. {@code marked} has {@code markedOf} bits, one per node whose hash the
 * receiver sent last (in that order); a set bit means that node differs here. {@code childHashes}
 * are the sender's hashes of the two children of every marked node, left then right, in order.
 */
public record SyncHashes(String from, long sessionId, int markedOf, BitSet marked, long[] childHashes)
    implements SyncMessage {
  public SyncHashes {
    Objects.requireNonNull(from, "from");
    marked = (BitSet) marked.clone();
    childHashes = childHashes.clone();
    if (markedOf < 0 || marked.length() > markedOf) {
      throw new IllegalArgumentException("marks beyond the " + markedOf + " nodes they refer to");
    }
  }

  @Override
  public BitSet marked() {
    return (BitSet) marked.clone();
  }

  @Override
  public long[] childHashes() {
    return childHashes.clone();
  }
}
