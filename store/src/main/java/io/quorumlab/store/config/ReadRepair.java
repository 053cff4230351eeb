package io.quorumlab.store.config;

public enum ReadRepair implements WireNamed {
  OFF,
  /** Stale replicas are repaired after the get has answered. */
  ASYNC,
  /** The ABD write-back: a quorum of W holds the merged version before the get answers. */
  BLOCKING
}
