package io.quorumlab.store.handoff;

/** Where {@link HintedHandoff} puts the batches it wants sent; the node hands them to its transport. */
@FunctionalInterface
public interface HintOutbox {
  void send(String toMemberId, HintMessage message);
}
