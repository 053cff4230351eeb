package io.quorumlab.store.membership;

import java.util.Arrays;
import java.util.Objects;

/**
 * The slowly changing part of a member's state: where it listens, its status and its place on the
 * ring. It travels in gossip only when it changed since what the receiver has seen, so it does not
 * ride on every heartbeat.
 *
 * <p>The ring position is either a vnode count, when tokens are a function of the member id (as
 * {@code Ring.token(id, i)} makes them), or explicit tokens; a member may announce both.
 *
 * @param address "host:port" the member advertises for itself
 * @param status lifecycle status in the current generation
 * @param vnodes how many virtual nodes (tokens) the member owns
 * @param tokens the member's explicit ring positions; empty when derived from id and vnodes
 */
public record MemberInfo(String address, MemberStatus status, int vnodes, long[] tokens) {
  public MemberInfo {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    if (vnodes < 0) {
      throw new IllegalArgumentException("vnodes must not be negative, was " + vnodes);
    }
    tokens = tokens.clone();
  }

  /** A member whose tokens derive from its id: only the count travels. */
  public static MemberInfo ofVnodes(String address, MemberStatus status, int vnodes) {
    return new MemberInfo(address, status, vnodes, new long[0]);
  }

  /** A member with explicit tokens. */
  public static MemberInfo ofTokens(String address, MemberStatus status, long[] tokens) {
    return new MemberInfo(address, status, tokens.length, tokens);
  }

  @Override
  public long[] tokens() {
    return tokens.clone();
  }

  public MemberInfo withStatus(MemberStatus next) {
    return new MemberInfo(address, next, vnodes, tokens);
  }

  public MemberInfo withTokens(long[] next) {
    return new MemberInfo(address, status, next.length, next);
  }

  public MemberInfo withVnodes(int next) {
    return new MemberInfo(address, status, next, new long[0]);
  }

  boolean sameRingPosition(MemberInfo other) {
    return vnodes == other.vnodes && Arrays.equals(tokens, other.tokens);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberInfo m && address.equals(m.address) && status == m.status && vnodes == m.vnodes
        && Arrays.equals(tokens, m.tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, status, vnodes, Arrays.hashCode(tokens));
  }

  @Override
  public String toString() {
    return "MemberInfo[" + address + ", " + status + ", " + vnodes + " vnodes, " + tokens.length + " explicit tokens]";
  }
}
