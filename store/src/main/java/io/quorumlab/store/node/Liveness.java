package io.quorumlab.store.node;

/**
 * Which nodes the coordinator should count on. The data path asks before it routes: nodes judged
 * down are skipped (strict quorum) or replaced by fallbacks (sloppy quorum). A node starts with the
 * transport's link state; the cluster services replace it with the phi-accrual failure detector
 * combined with the link state. Called on the node's thread; must answer without blocking.
 */
public interface Liveness {

  boolean isAlive(String node);

  /** Every node counts as alive. */
  Liveness ALL_ALIVE = node -> true;
}
