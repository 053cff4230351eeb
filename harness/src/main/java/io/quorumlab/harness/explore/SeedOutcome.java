package io.quorumlab.harness.explore;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunResults;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One seed's run, small enough to keep a million of: the numbers explore and compare report, and
 * the full results only of a seed that is not valid (a valid seed keeps its verdict, anomaly counts
 * and run info, not its checkers' explanations or its metrics' timeline).
 *
 * @param spec the concrete spec that ran (with {@code --swarm}, the one drawn for this seed)
 * @param results what the run concluded (trimmed as above when valid)
 * @param classes the anomaly classes it showed ({@link AnomalyClasses}), sorted
 * @param simulatedSeconds simulated time the run took, setup to check
 * @param readP50Ms the p50 of its ok reads, simulated ms; NaN without ok reads
 * @param writeP50Ms the p50 of its ok writes, simulated ms; NaN without ok writes
 * @param wallNanos how long the run took on this machine
 * @param runDir the run directory written for it, or null (valid seeds are not written)
 */
public record SeedOutcome(RunSpec spec, RunResults results, Set<String> classes, double simulatedSeconds, double readP50Ms,
    double writeP50Ms, long wallNanos, Path runDir) {
  public SeedOutcome {
    classes = Collections.unmodifiableSortedSet(new TreeSet<>(classes));
  }

  /** The outcome of a run that concluded {@code results}. */
  public static SeedOutcome of(RunSpec spec, RunResults results, long wallNanos, Path runDir) {
    long end = 0;
    for (Phase p : results.info().phases()) end = Math.max(end, p.endNanos());
    RunResults kept = results.verdict() == Verdict.VALID
        ? new RunResults(results.verdict(), List.of(), results.anomalies(), null, results.info()) : results;
    return new SeedOutcome(spec, kept, AnomalyClasses.of(results), end / 1e9, p50(results.readLatency()), p50(results.writeLatency()),
        wallNanos, runDir);
  }

  private static double p50(LatencySummary l) {
    return l.count() == 0 ? Double.NaN : l.p50();
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

  public SeedOutcome withRunDir(Path dir) {
    return new SeedOutcome(spec, results, classes, simulatedSeconds, readP50Ms, writeP50Ms, wallNanos, dir);
  }
}
