package io.quorumlab.harness.compare;

/** What every finished comparison, of runs or of seeds, says about itself in its outputs. */
public interface ComparisonOutcome {
  ComparePlan plan();

  boolean interrupted();

  long startedAtEpochMs();

  long finishedAtEpochMs();

  int exitCode();

  default String workload() {
    return plan().base().workload();
  }
}
