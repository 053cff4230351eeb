package io.quorumlab.harness.run;

import io.quorumlab.workloads.Invocation;

/**
 * What a {@link LoadGenerator} sends next and which process sends it: the workload's random ops at a
 * rate ({@link RandomFeed}), or an explicit schedule ({@link ScheduleFeed}). Called on the run's loop only.
 */
interface OpFeed {

  /** An op as it is sent: through which node, what. */
  record Op(String node, Invocation invocation) {}

  /** False once every op was taken. */
  boolean hasNext();

  /**
   * When the next op is due, in nanoseconds after the load started.
   *
   * @param nowNanos how long the load has run (a closed loop sends its next op now)
   */
  long dueNanos(long nowNanos);

  /** A process to send the next op, now marked busy; null when the op must wait for one to free. */
  Long takeProcess();

  /** Takes the next op, for the process {@link #takeProcess} gave. */
  Op take(NodeClients clients);

  /** {@code process}'s op ended; {@code info}: it may still be in the store, so that id never sends again. */
  void ended(long process, boolean info);
}
