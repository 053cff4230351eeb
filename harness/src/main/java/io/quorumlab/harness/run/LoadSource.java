package io.quorumlab.harness.run;

/**
 * Where a run's client ops come from: drawn by the workload's generator at a rate ({@link RandomLoad}),
 * or listed one by one ({@link OpSchedule}). Either way the ops are a function of the spec alone.
 */
public sealed interface LoadSource permits RandomLoad, OpSchedule {

  /** Logical processes that may have an op in flight at once. */
  int concurrency();
}
