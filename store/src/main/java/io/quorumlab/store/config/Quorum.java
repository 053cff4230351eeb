package io.quorumlab.store.config;

/** Which nodes count towards W and R. */
public enum Quorum implements WireNamed {
  /** Only the N nodes of the key's preference list. */
  STRICT,
  /** The first N reachable nodes clockwise; fallbacks keep hints for the owners. */
  SLOPPY
}
