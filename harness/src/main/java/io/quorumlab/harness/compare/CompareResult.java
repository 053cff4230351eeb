package io.quorumlab.harness.compare;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.gate.GateCase;
import java.nio.file.Path;
import java.util.List;

/**
 * A finished (or interrupted) comparison.
 *
 * @param rows one per configuration that ran, in {@code --configs} order
 * @param interrupted true when Ctrl-C stopped it; rows then hold what finished
 * @param bench the benchmark latencies to show beside the rows ({@code --with-bench}), or null
 */
public record CompareResult(ComparePlan plan, List<CompareRow> rows, boolean interrupted, long startedAtEpochMs,
    long finishedAtEpochMs, BenchResults bench) implements ComparisonOutcome {
  public CompareResult {
    rows = List.copyOf(rows);
  }

  public CompareResult withBench(BenchResults b) {
    return new CompareResult(plan, rows, interrupted, startedAtEpochMs, finishedAtEpochMs, b);
  }

  public List<GateCase> gateCases() {
    return rows.stream().map(r -> r.gateCase(workload())).toList();
  }

  /**
   * 254 never (bad arguments are refused before); with an expectation anywhere, 1 when one fails
   * (or the comparison was interrupted) else 0; otherwise the runs' verdicts combined by
   * {@link Verdict#and}, an interruption counting as one more unknown verdict.
   */
  @Override
  public int exitCode() {
    if (plan.gated()) return interrupted ? 1 : Gate.exitCode(gateCases());
    Verdict all = Gate.verdict(gateCases());
    return (interrupted ? all.and(Verdict.UNKNOWN) : all).exitCode;
  }

  /** Where a row's run report is, relative to {@code compareDir}, with '/' separators. */
  public static String link(Path compareDir, Path runDir) {
    Path from = compareDir.toAbsolutePath().normalize();
    Path to = runDir.toAbsolutePath().normalize().resolve(io.quorumlab.results.RunDirectory.REPORT);
    return from.relativize(to).toString().replace('\\', '/');
  }
}
