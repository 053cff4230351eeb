package io.quorumlab.store.node;

/** Who waits for a coordinated request's answer: a client connection, or a node that forwarded it. */
sealed interface ReplyTo {
  record Client(ClientRef client) implements ReplyTo {}

  record Forwarded(String node, long op) implements ReplyTo {}
}
