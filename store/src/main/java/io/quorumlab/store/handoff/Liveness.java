package io.quorumlab.store.handoff;

/** Whether a node is believed up; the node passes {@code gossiper::isAlive}. */
@FunctionalInterface
public interface Liveness {
  boolean isAlive(String nodeId);
}
