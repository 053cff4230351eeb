package io.quorumlab.store.membership;

import java.util.List;
import java.util.Objects;

/** Opens an exchange: a digest of every member the sender knows. */
public record GossipSyn(String from, List<Digest> digests) implements GossipMessage {
  public GossipSyn {
    Objects.requireNonNull(from, "from");
    digests = FrozenList.copyOf(digests);
  }
}
