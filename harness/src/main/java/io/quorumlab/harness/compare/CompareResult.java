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
    long finishedAtEpochMs, BenchResults bench) {
  public CompareResult {
    rows = List.copyOf(rows);
  }

  public CompareResult withBench(BenchResults b) {
    return new CompareResult(plan, rows, interrupted, startedAtEpochMs, finishedAtEpochMs, b);
  }

  public String workload() {
    return plan.base().workload();
  }

  public List<GateCase> gateCases() {
    return rows.stream().map(r -> r.gateCase(workload())).toList();
  }

  /**
   * 254 never (bad arguments are refused before); with an expectation anywhere, 1 when one fails
   * else 0; otherwise the runs' verdicts combined by {@link Verdict#and}. An interrupted comparison
   * is unknown unless a run was invalid.
   */
  public int exitCode() {
    if (interrupted && plan.gated()) return 1;
    int code = Gate.exitCode(gateCases());
    return interrupted && code == Verdict.VALID.exitCode ? Verdict.UNKNOWN.exitCode : code;
  }

  /** Where a row's run report is, relative to {@code compareDir}, with '/' separators. */
  public static String link(Path compareDir, Path runDir) {
    Path from = compareDir.toAbsolutePath().normalize();
    Path to = runDir.toAbsolutePath().normalize().resolve(io.quorumlab.results.RunDirectory.REPORT);
    return from.relativize(to).toString().replace('\\', '/');
  }
}
