package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.RunResults;
import java.util.Optional;

/**
 * What a shrink keeps: one checker's finding of one kind of anomaly ("linearizable" finding
 * "nonlinearizable-key", "stale-read" finding "stale-read"). A candidate keeps it when that checker
 * says invalid and counts at least one anomaly of the type.
 *
 * @param checker the checker's name
 * @param type the anomaly type the checker counts; empty for a checker that counts none by type
 */
public record AnomalyClass(String checker, String type) {

  /** The first invalid checker's first anomaly type (checkers in the workload's order, types sorted); empty for a run with none. */
  public static Optional<AnomalyClass> firstOf(RunResults results) {
    for (CheckSummary c : results.checks()) {
      if (c.verdict() != Verdict.INVALID) continue;
      return Optional.of(new AnomalyClass(c.name(), c.anomalies().keySet().stream().findFirst().orElse("")));
    }
    return Optional.empty();
  }

  /** The class of {@code checker}'s finding in {@code results}, when it found one. */
  public static Optional<AnomalyClass> of(RunResults results, String checker) {
    return results.checks().stream().filter(c -> c.name().equals(checker) && c.verdict() == Verdict.INVALID).findFirst()
        .map(c -> new AnomalyClass(c.name(), c.anomalies().keySet().stream().findFirst().orElse("")));
  }

  public boolean foundIn(RunResults results) {
    for (CheckSummary c : results.checks()) {
      if (!c.name().equals(checker) || c.verdict() != Verdict.INVALID) continue;
      if (type.isEmpty() || c.anomalies().getOrDefault(type, 0L) > 0) return true;
    }
    return false;
  }

  @Override
  public String toString() {
    return type.isEmpty() ? checker + " invalid" : checker + " finding " + type;
  }
}
