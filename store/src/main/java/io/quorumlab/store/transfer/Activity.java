package io.quorumlab.store.transfer;

import io.quorumlab.store.config.WireNamed;

/** What range transfer is doing for this node. */
public enum Activity implements WireNamed {
  /** A member that has neither joined through a transfer nor left. */
  IDLE,
  /** Pulling the ranges it will replicate; not in the ring yet. */
  JOINING,
  /** Joined: it announced UP after receiving its ranges. */
  JOINED,
  /** Handing its keys to the nodes that replicate them once it is gone. */
  LEAVING,
  /** Gone: it announced LEFT; it still forwards the writes that stale coordinators send it. */
  LEFT;

  boolean canMoveTo(Activity next) {
    return switch (this) {
      case IDLE, JOINED -> next == LEAVING;
      case JOINING -> next == JOINED;
      case LEAVING -> next == LEFT;
      case LEFT -> false;
    };
  }
}
