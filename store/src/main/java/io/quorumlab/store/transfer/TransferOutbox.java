package io.quorumlab.store.transfer;

/** Where range transfer puts the messages it wants sent; the node hands them to its transport. */
@FunctionalInterface
public interface TransferOutbox {
  void send(String toMemberId, TransferMessage message);
}
