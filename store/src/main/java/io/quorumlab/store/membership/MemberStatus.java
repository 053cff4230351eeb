package io.quorumlab.store.membership;

/**
 * A member's lifecycle within one generation. The order is the only allowed direction: a member
 * never goes back (e.g. LEAVING to UP) without restarting with a new generation, so a stale
 * gossip delta can never resurrect an older status.
 */
public enum MemberStatus {
  /** Announced its tokens; ranges are being streamed to it; not yet an owner. */
  JOINING,
  /** Owns its tokens. */
  UP,
  /** Still owns its tokens while it hands its ranges off. */
  LEAVING,
  /** Gone for good (in this generation); owns nothing and is not gossiped to. */
  LEFT;

  public boolean canMoveTo(MemberStatus next) {
    return next.ordinal() >= ordinal();
  }

  /** Whether the member's tokens count in the ring that routes requests. */
  public boolean ownsTokens() {
    return this == UP || this == LEAVING;
  }
}
