package io.quorumlab.sim;

import io.quorumlab.store.protocol.PeerMessage;

/** A tap on the network between nodes: told of every message delivered or dropped, at its virtual time. */
public interface MessageObserver {

  /** {@code message} from {@code from} is about to be handled by {@code to}. */
  void delivered(String from, String to, PeerMessage message, long timeNanos);

  /** A message from {@code from} to {@code to} was lost ({@code why}: cut, loss, receiver not running). */
  default void dropped(String from, String to, String why, long timeNanos) {}
}
