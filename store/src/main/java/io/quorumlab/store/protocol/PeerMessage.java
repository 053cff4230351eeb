package io.quorumlab.store.protocol;

import io.quorumlab.store.version.Siblings;

/**
 * Node-to-node messages. Each travels one way over the sender's own connection to the receiver
 * (the link {@code sender -> receiver}); answers travel back over the receiver's connection to the
 * sender. So a one-way partition cuts exactly one direction of every exchange.
 */
public sealed interface PeerMessage extends Message {

  /**
   * First frame on a node-to-node connection: who is sending, the cluster it belongs to, and its
   * proof of the cluster's shared secret (empty when the cluster has none); see
   * {@link io.quorumlab.store.net.ClusterIdentity}.
   */
  record Hello(String nodeId, String cluster, byte[] proof) implements PeerMessage {}

  record ReplicaRead(long op, String key) implements PeerMessage {}

  /** {@code ok} false when the replica's storage failed (state is then empty). */
  record ReplicaReadReply(long op, boolean ok, Siblings state) implements PeerMessage {}

  /**
   * Merge {@code state} into the replica's state of {@code key}. {@code hintFor} names the
   * intended owner when the receiver is a sloppy-quorum fallback (null otherwise).
   */
  record ReplicaWrite(long op, String key, Siblings state, String hintFor) implements PeerMessage {}

  /** {@code error}: why the replica could not store the write (null when {@code ok}). */
  record ReplicaWriteAck(long op, boolean ok, String error) implements PeerMessage {
    public ReplicaWriteAck(long op, boolean ok) {
      this(op, ok, null);
    }
  }

  /** A client request handed to a node that can coordinate it (a replica of the key). */
  record Forward(long op, ClientRequest request) implements PeerMessage {}

  record ForwardReply(long op, ClientReply reply) implements PeerMessage {}

  /**
   * Traffic of components layered on the node (gossip, anti-entropy, hinted handoff), each with
   * its own channel number and its own encoding of {@code payload}.
   */
  record Extension(int channel, byte[] payload) implements PeerMessage {}
}
