package io.quorumlab.store.antientropy;

/** Where a session puts the messages it wants sent to its peer; the node hands them to its transport. */
@FunctionalInterface
public interface SyncOutbox {
  void send(String toMemberId, SyncMessage message);
}
