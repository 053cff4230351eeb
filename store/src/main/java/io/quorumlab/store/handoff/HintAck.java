package io.quorumlab.store.handoff;

import java.util.Objects;

/**
 * The owner's answer to {@link HintBatch} {@code batchId}: the ids of the hints it applied and made
 * durable. Ids of the batch that are missing were not applied and will be sent again.
 */
public record HintAck(String from, long batchId, long[] hintIds) implements HintMessage {
  public HintAck {
    Objects.requireNonNull(from, "from");
    hintIds = hintIds.clone();
  }

  @Override
  public long[] hintIds() {
    return hintIds.clone();
  }
}
