package io.quorumlab.store.antientropy;

import java.util.Objects;

/** Opens a session over {@code range}; both replicas must keep trees of the same range and depth. */
public record SyncStart(String from, long sessionId, TokenRange range, int depth, long root) implements SyncMessage {
  public SyncStart {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(range, "range");
  }
}
