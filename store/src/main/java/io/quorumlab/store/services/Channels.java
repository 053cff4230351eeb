package io.quorumlab.store.services;

/** Extension channel numbers of the components layered on the node (one encoding each). */
final class Channels {
  static final int GOSSIP = 1;
  static final int ANTI_ENTROPY = 2;
  static final int HANDOFF = 3;
  static final int TRANSFER = 4;

  private Channels() {}
}
