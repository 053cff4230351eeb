package io.quorumlab.harness.explore;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.RunResults;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes of anomaly a run showed, as its checkers name them: "checker type" for each type an
 * invalid checker counted (e.g. {@code linearizable nonlinearizable-key}, {@code set lost}), the
 * checker's name alone when the type is named like it ({@code stale-read}) or when it found the
 * history invalid without counting types. A seed either
 * shows a class or not; rates over seeds are fractions of seeds, not counts of anomalies.
 */
public final class AnomalyClasses {
  private AnomalyClasses() {}

  public static Set<String> of(RunResults results) {
    Set<String> out = new TreeSet<>();
    for (CheckSummary c : results.checks()) {
      if (c.verdict() != Verdict.INVALID) continue;
      if (c.anomalies().isEmpty()) {
        out.add(c.name());
        continue;
      }
      c.anomalies().forEach((type, count) -> {
        if (count > 0) out.add(type.equals(c.name()) ? type : c.name() + " " + type);
      });
    }
    return out;
  }
}
