package io.quorumlab.store.antientropy;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * The descent reached the leaves: {@code marked} (over the leaves whose hashes the receiver sent
 * last, {@code markedOf} of them) says which leaves differ, or {@code wholeRange} says all of them
 * (the sender's tree is empty). {@code entries} are the sender's (key, version digest) in those
 * leaves; long lists come in several messages, all but the last with {@code last == false}, and
 * only the first carries the marks.
 */
public record SyncKeys(String from, long sessionId, boolean wholeRange, int markedOf, BitSet marked,
    List<KeyDigest> entries, boolean last) implements SyncMessage {
  public SyncKeys {
    Objects.requireNonNull(from, "from");
    marked = (BitSet) marked.clone();
    entries = List.copyOf(entries);
    if (markedOf < 0 || marked.length() > markedOf) {
      throw new IllegalArgumentException("marks beyond the " + markedOf + " leaves they refer to");
    }
  }

  @Override
  public BitSet marked() {
    return (BitSet) marked.clone();
  }
}
