package io.quorumlab.store.antientropy;

import java.util.Objects;

/** Ends a session early: the replicas agree, the peer cannot take part, or something went wrong. */
public record SyncDone(String from, long sessionId, Reason reason, String detail) implements SyncMessage {
  public enum Reason {
    /** The trees are equal (usually: the roots). */
    IN_SYNC,
    /** The peer has no tree for this range and depth (not a replica, or configured differently). */
    REFUSED,
    /** Protocol error or timeout; nothing more will be sent. */
    ABORTED
  }

  public SyncDone {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }
}
