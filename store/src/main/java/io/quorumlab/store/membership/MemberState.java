package io.quorumlab.store.membership;

import java.util.Objects;

/**
 * What one node believes about a member.
 *
 * @param id member id ("n1")
 * @param generation incarnation; a restart picks a larger one (e.g. epoch millis at start), which
 *     overrides everything known about earlier generations
 * @param version per-generation counter, bumped by the member itself every gossip round (its
 *     heartbeat) and on every change of its {@link MemberInfo}
 * @param infoVersion the version at which {@code info} last changed ({@code <= version})
 * @param info address, status and tokens
 */
public record MemberState(String id, long generation, long version, long infoVersion, MemberInfo info) {
  public MemberState {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(info, "info");
    if (infoVersion > version) {
      throw new IllegalArgumentException("infoVersion " + infoVersion + " > version " + version);
    }
  }

  public MemberStatus status() {
    return info.status();
  }

  public Digest digest() {
    return new Digest(id, generation, version);
  }

  /** The whole state as a delta, for a receiver that knows nothing of this generation. */
  public MemberDelta toDelta() {
    return new MemberDelta(id, generation, version, infoVersion, info);
  }
}
