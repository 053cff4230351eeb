package io.quorumlab.harness.run;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.results.RunResults;
import java.nio.file.Path;
import java.util.List;

/**
 * What a run produced.
 *
 * @param runDir the run's directory ({@code runs/<workload>/<timestamp>/})
 * @param results what {@code results.json} holds (verdict, anomalies, availability, latency)
 * @param checks the checkers' full results, in the workload's order
 * @param exitCode 0 valid, 1 anomalies, 2 unknown or crashed (docs/architecture.md)
 */
public record RunOutcome(Path runDir, RunResults results, List<CheckResult> checks, int exitCode) {
  public RunOutcome {
    checks = List.copyOf(checks);
  }
}
