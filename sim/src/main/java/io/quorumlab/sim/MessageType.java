package io.quorumlab.sim;

import java.util.Locale;

/** What a message the simulated network carried was for; {@link #wireName()} is how messages.jsonl writes it. */
public enum MessageType {
  /** A client's get, put or delete, to the node it is connected to. */
  CLIENT_REQUEST,
  /** A node's answer to its client. */
  CLIENT_REPLY,
  /** A client request handed by the node that got it to a node that can coordinate it. */
  FORWARD,
  /** The coordinator's answer to a forwarded request. */
  FORWARD_REPLY,
  /** A coordinator asking a replica for its state of a key (a get, or the read phase of an ABD put). */
  REPLICA_READ,
  REPLICA_READ_ACK,
  /** A coordinator's write of a key to a replica (or to a sloppy-quorum fallback). */
  REPLICA_WRITE,
  REPLICA_WRITE_ACK,
  /** A get's write-back of the merged state to a replica that lacked some of it. */
  READ_REPAIR,
  READ_REPAIR_ACK,
  /** A fallback handing writes it held for an owner back to it (hinted handoff). */
  HINT,
  HINT_ACK,
  /** Merkle-tree anti-entropy between two replicas. */
  ANTI_ENTROPY,
  /** Range transfer, and writes forwarded to a range's new owner. */
  TRANSFER,
  /** Membership gossip (heartbeats and member states). */
  GOSSIP,
  /** Anything else (a connection's first frame). */
  OTHER;

  /** "client-request", "read-repair-ack", ... */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
