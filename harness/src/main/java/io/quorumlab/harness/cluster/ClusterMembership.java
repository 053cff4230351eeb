package io.quorumlab.harness.cluster;

import java.util.Optional;

/**
 * Membership changes of a running cluster, for the membership nemesis: nodes that join it while it
 * serves, leave it (decommission: they hand their ranges off first), or crash for good and are
 * removed. Nodes added here are extra to {@link Cluster#nodes()} (the nodes the clients talk to),
 * are never restarted by {@link Cluster#heal()}, and are stopped with the cluster.
 *
 * <p>Every call returns without waiting for the change to finish (a simulation cannot wait inside
 * one of its events); {@link #state} tells how far it got.
 */
public interface ClusterMembership {

  /** Starts a new node {@code id} that joins through the running members (it pulls its ranges, then announces UP). */
  void join(String id) throws Exception;

  /** Asks member {@code id} to leave: it hands its ranges to their new replicas, then announces LEFT. */
  void leave(String id) throws Exception;

  /** Kills {@code id} for good: it never runs again (its machine is gone), until {@link #remove} takes it out of the ring. */
  void crash(String id) throws Exception;

  /**
   * Force-removes dead member {@code id} from the cluster through live member {@code via} (the
   * store's {@code remove} admin command).
   *
   * @throws IllegalArgumentException when {@code via} refuses (it does not see {@code id} dead yet)
   */
  void remove(String id, String via) throws Exception;

  /** Stops the process of {@code id}, which has LEFT. */
  void retire(String id) throws Exception;

  /** The status {@code id} announces for itself (JOINING, UP, LEAVING, LEFT), or empty when it does not answer. */
  Optional<String> state(String id);

  /**
   * The status of {@code member} as {@code observer} knows it from gossip, or empty when the
   * observer does not answer or has never heard of it.
   */
  Optional<String> stateSeenBy(String observer, String member);
}
