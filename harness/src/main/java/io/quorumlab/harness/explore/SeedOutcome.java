package io.quorumlab.harness.explore;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunResults;
import java.nio.file.Path;
import java.util.Set;

/**
 * One seed's run.
 *
 * @param spec the concrete spec that ran (with {@code --swarm}, the one drawn for this seed)
 * @param results what the run concluded
 * @param classes the anomaly classes it showed ({@link AnomalyClasses}), sorted
 * @param wallNanos how long the run took on this machine
 * @param runDir the run directory written for it, or null (valid seeds are not written)
 */
public record SeedOutcome(RunSpec spec, RunResults results, Set<String> classes, long wallNanos, Path runDir) {
  public SeedOutcome {
    classes = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(classes));
  }

  public long seed() {
    return spec.seed();
  }

  public Verdict verdict() {
    return results.verdict();
  }

  public boolean failed() {
    return verdict() == Verdict.INVALID;
  }

  /** Seconds of simulated time the run took, setup to check. */
  public double simulatedSeconds() {
    long end = 0;
    for (Phase p : results.info().phases()) end = Math.max(end, p.endNanos());
    return end / 1e9;
  }

  public SeedOutcome withRunDir(Path dir) {
    return new SeedOutcome(spec, results, classes, wallNanos, dir);
  }
}
