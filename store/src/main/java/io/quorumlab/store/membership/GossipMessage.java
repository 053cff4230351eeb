package io.quorumlab.store.membership;

/**
 * The three messages of one push-pull gossip exchange: the initiator sends its digests
 * ({@link GossipSyn}), the receiver answers with what the initiator lacks and what it wants
 * ({@link GossipAck}), and the initiator sends what was asked for ({@link GossipAck2}). Encoded by
 * {@link GossipCodec}.
 */
public sealed interface GossipMessage permits GossipSyn, GossipAck, GossipAck2 {
  /** Id of the sending member (replies go back to it). */
  String from();
}
