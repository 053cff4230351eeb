package io.quorumlab.store.membership;

import java.util.List;
import java.util.Objects;

/** Closes an exchange: the states the answerer asked for in its {@link GossipAck}. */
public record GossipAck2(String from, List<MemberDelta> deltas) implements GossipMessage {
  public GossipAck2 {
    Objects.requireNonNull(from, "from");
    deltas = FrozenList.copyOf(deltas);
  }
}
