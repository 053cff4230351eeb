package io.quorumlab.store.node;

import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.PeerMessage;

/**
 * A request this node coordinates, waiting for replicas; lives until it finishes or times out. It
 * answers whoever waits for it exactly once ({@link #answer}).
 */
abstract class Operation {
  final long id;
  final Node node;
  Scheduler.Cancellable timer;
  private boolean answered;

  Operation(long id, Node node) {
    this.id = id;
    this.node = node;
  }

  abstract void start();

  void onReadReply(String from, PeerMessage.ReplicaReadReply reply) {}

  void onWriteAck(String from, PeerMessage.ReplicaWriteAck ack) {}

  void onForwardReply(ClientReply reply) {}

  abstract void onTimeout();

  /** Sends the one answer of this operation. */
  final void answer(ReplyTo to, ClientReply reply) {
    assert !answered : "operation " + id + " on " + node.self + " answers twice; the second answer: " + reply;
    answered = true;
    node.reply(to, reply);
  }

  final boolean answered() {
    return answered;
  }
}
