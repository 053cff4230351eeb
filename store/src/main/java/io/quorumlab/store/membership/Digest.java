package io.quorumlab.store.membership;

/**
 * A member's identity and how far one node's knowledge of it goes. In a {@link GossipSyn} it
 * advertises what the sender knows; in a {@link GossipAck}'s requests it says "send me what is
 * newer than this" ({@code generation == 0} means "I know nothing of this member").
 */
public record Digest(String id, long generation, long version) {}
