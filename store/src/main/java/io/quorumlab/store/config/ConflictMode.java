package io.quorumlab.store.config;

/** How concurrent versions of a key are reconciled. */
public enum ConflictMode implements WireNamed {
  /** Vector clocks; concurrent versions are kept as siblings for the client to merge. */
  SIBLINGS,
  /** Last writer wins by wall-clock timestamp: concurrent writes are silently lost. */
  LWW,
  /** Multi-writer ABD register: (counter, node-id) tags read from a quorum before each write. */
  ABD
}
