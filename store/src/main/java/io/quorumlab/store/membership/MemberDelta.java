package io.quorumlab.store.membership;

import java.util.Objects;

/**
 * The part of a {@link MemberState} a receiver is missing. {@code info} is null when the receiver
 * already has this generation's latest info and only the heartbeat advanced.
 */
public record MemberDelta(String id, long generation, long version, long infoVersion, MemberInfo info) {
  public MemberDelta {
    Objects.requireNonNull(id, "id");
    if (infoVersion > version) {
      throw new IllegalArgumentException("infoVersion " + infoVersion + " > version " + version);
    }
  }

  public boolean hasInfo() {
    return info != null;
  }
}
