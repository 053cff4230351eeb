package io.quorumlab.store.membership;

import java.util.Arrays;
import java.util.Objects;

/**
 * The slowly changing part of a member's state: where it listens, its status and its ring tokens.
 * It travels in gossip only when it changed since what the receiver has seen, so the (possibly
 * hundreds of) tokens do not ride on every heartbeat.
 *
 * @param address "host:port" the member advertises for itself
 * @param status lifecycle status in the current generation
 * @param tokens the member's positions on the 64-bit ring (virtual nodes); may be empty
 */
public record MemberInfo(String address, MemberStatus status, long[] tokens) {
  public MemberInfo {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    tokens = tokens.clone();
  }

  @Override
  public long[] tokens() {
    return tokens.clone();
  }

  public int tokenCount() {
    return tokens.length;
  }

  public MemberInfo withStatus(MemberStatus next) {
    return new MemberInfo(address, next, tokens);
  }

  public MemberInfo withTokens(long[] next) {
    return new MemberInfo(address, status, next);
  }

  boolean sameTokens(MemberInfo other) {
    return Arrays.equals(tokens, other.tokens);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MemberInfo m
        && address.equals(m.address) && status == m.status && Arrays.equals(tokens, m.tokens);
  }

  @Override
  public int hashCode() {
    return Objects.hash(address, status, Arrays.hashCode(tokens));
  }

  @Override
  public String toString() {
    return "MemberInfo[" + address + ", " + status + ", " + tokens.length + " tokens]";
  }
}
