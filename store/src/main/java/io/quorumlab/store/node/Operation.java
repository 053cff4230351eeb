package io.quorumlab.store.node;

import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.PeerMessage;

/** A request this node coordinates, waiting for replicas; lives until it finishes or times out. */
abstract class Operation {
  final long id;
  final Node node;
  Scheduler.Cancellable timer;

  Operation(long id, Node node) {
    this.id = id;
    this.node = node;
  }

  abstract void start();

  void onReadReply(String from, PeerMessage.ReplicaReadReply reply) {}

  void onWriteAck(String from, PeerMessage.ReplicaWriteAck ack) {}

  void onForwardReply(ClientReply reply) {}

  abstract void onTimeout();
}
