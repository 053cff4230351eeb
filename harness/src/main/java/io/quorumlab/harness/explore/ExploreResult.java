package io.quorumlab.harness.explore;

import io.quorumlab.checkers.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A finished (or interrupted) exploration.
 *
 * @param outcomes every seed that ran to its end, in seed order
 * @param interrupted Ctrl-C stopped it
 * @param wallNanos how long it took
 * @param firstFailureWallNanos when the first failure was found (wall time since the start), or null
 */
public record ExploreResult(ExplorePlan plan, List<SeedOutcome> outcomes, boolean interrupted, long wallNanos,
    Long firstFailureWallNanos) {
  public ExploreResult {
    List<SeedOutcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(Comparator.comparingLong(SeedOutcome::seed));
    outcomes = List.copyOf(sorted);
  }

  public long seedsRun() {
    return outcomes.size();
  }

  /** The seeds that found anomalies, by seed. */
  public List<SeedOutcome> failures() {
    return outcomes.stream().filter(SeedOutcome::failed).toList();
  }

  /** The seeds whose verdict is unknown (a checker gave up, or the run crashed), by seed. */
  public List<SeedOutcome> unknowns() {
    return outcomes.stream().filter(o -> o.verdict() == Verdict.UNKNOWN).toList();
  }

  /** Failing seeds among those run, with its 95% interval. */
  public Wilson.Interval failureRate() {
    return Wilson.of95(failures().size(), seedsRun());
  }

  /** Per anomaly class, the seeds showing it among those run, with its 95% interval; sorted by class. */
  public Map<String, Wilson.Interval> classRates() {
    Map<String, Long> counts = new TreeMap<>();
    for (SeedOutcome o : outcomes) o.classes().forEach(c -> counts.merge(c, 1L, Long::sum));
    Map<String, Wilson.Interval> out = new TreeMap<>();
    counts.forEach((c, k) -> out.put(c, Wilson.of95(k, seedsRun())));
    return out;
  }

  /** The failing seed a sequential exploration would have found first: the lowest. */
  public Optional<SeedOutcome> firstFailure() {
    return failures().stream().findFirst();
  }

  /** Seeds run up to and including the first failure, in seed order (every lower seed ran). */
  public long seedsToFirstFailure() {
    return firstFailure().map(f -> f.seed() - plan.firstSeed() + 1).orElse(0L);
  }

  /** Simulated seconds of the seeds up to and including the first failure: what a sequential exploration simulates to find it. */
  public double simulatedSecondsToFirstFailure() {
    return firstFailure().map(f -> outcomes.stream().filter(o -> o.seed() <= f.seed()).mapToDouble(SeedOutcome::simulatedSeconds).sum())
        .orElse(0.0);
  }

  public double simulatedSeconds() {
    return outcomes.stream().mapToDouble(SeedOutcome::simulatedSeconds).sum();
  }

  /** Every seed's verdict combined, an interruption counting as one more unknown. */
  public Verdict verdict() {
    Verdict v = Verdict.all(outcomes.stream().map(SeedOutcome::verdict).toList());
    return interrupted ? v.and(Verdict.UNKNOWN) : v;
  }

  /** 1 when a seed found anomalies, 2 when none did but one is unknown or it was interrupted, else 0. */
  public int exitCode() {
    return verdict().exitCode;
  }
}
