package io.quorumlab.store.membership;

import java.util.List;
import java.util.Objects;

/**
 * Answers a {@link GossipSyn}: the states the initiator is missing, and digests of what the
 * answerer knows of the members for which the initiator is ahead.
 */
public record GossipAck(String from, List<MemberDelta> deltas, List<Digest> requests) implements GossipMessage {
  public GossipAck {
    Objects.requireNonNull(from, "from");
    deltas = FrozenList.copyOf(deltas);
    requests = FrozenList.copyOf(requests);
  }
}
