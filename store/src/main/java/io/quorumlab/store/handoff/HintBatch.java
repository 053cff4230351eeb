package io.quorumlab.store.handoff;

import java.util.List;
import java.util.Objects;

/**
 * Hints for {@code owner}, oldest first. {@code owner} is repeated so a node that receives a batch
 * meant for another id (a stale address) can refuse it.
 */
public record HintBatch(String from, String owner, long batchId, List<Hint> hints) implements HintMessage {
  public HintBatch {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(owner, "owner");
    hints = List.copyOf(hints);
    for (Hint hint : hints) {
      if (!hint.owner().equals(owner)) {
        throw new IllegalArgumentException("hint " + hint.id() + " is for " + hint.owner() + ", not " + owner);
      }
    }
  }
}
