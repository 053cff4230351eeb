package io.quorumlab.store.config;

public enum FsyncPolicy implements WireNamed {
  /** Every acknowledged write is on disk (WAL synced) before the ack. */
  ALWAYS,
  /** The WAL is synced every {@code fsyncIntervalMs}; a crash may lose the last interval. */
  PERIODIC,
  /** Never synced explicitly; a crash may lose whatever the OS had not written. */
  NEVER
}
