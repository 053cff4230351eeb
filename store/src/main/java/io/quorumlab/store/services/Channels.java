package io.quorumlab.store.services;

/**
 * Extension channel numbers of the components layered on the node (one encoding each); public so
 * that a tap on the wire (the simulation's message log) can tell the components' traffic apart.
 */
public final class Channels {
  public static final int GOSSIP = 1;
  public static final int ANTI_ENTROPY = 2;
  public static final int HANDOFF = 3;
  public static final int TRANSFER = 4;

  private Channels() {}
}
