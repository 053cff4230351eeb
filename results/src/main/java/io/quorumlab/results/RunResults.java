package io.quorumlab.results;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a run concluded: what {@code results.json} holds, and what a comparison row needs
 * (verdict, anomalies by type, availability during and outside faults, read/write latency
 * percentiles, throughput).
 *
 * @param verdict the checks' verdicts combined (any invalid: invalid; else any unknown: unknown);
 *     unknown when the run crashed ({@code info.error() != null}) or nothing was checked
 * @param checks per checker, in the order run
 * @param anomalies anomaly type to count, summed over all checks, sorted by type
 */
public record RunResults(
    Verdict verdict,
    List<CheckSummary> checks,
    Map<String, Long> anomalies,
    RunMetrics metrics,
    RunInfo info) {

  public RunResults {
    checks = checks == null ? List.of() : List.copyOf(checks);
    anomalies = anomalies == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(anomalies));
  }

  /** Computes a run's results (without writing anything). */
  public static RunResults of(Path runDir, RunInfo info, History history, List<CheckResult> checks) {
    List<CheckSummary> summaries = new ArrayList<>();
    for (CheckResult r : checks) summaries.add(CheckSummary.of(r, runDir));
    return of(info, summaries, RunMetrics.of(history, info.phases()));
  }

  static RunResults of(RunInfo info, List<CheckSummary> checks, RunMetrics metrics) {
    Map<String, Long> anomalies = new TreeMap<>();
    for (CheckSummary c : checks) c.anomalies().forEach((k, v) -> anomalies.merge(k, v, Long::sum));
    return new RunResults(combine(info, checks), checks, anomalies, metrics, info);
  }

  static Verdict combine(RunInfo info, List<CheckSummary> checks) {
    if (info.crashed() || checks.isEmpty()) return Verdict.UNKNOWN;
    return Verdict.all(checks.stream().map(CheckSummary::verdict).toList());
  }

  /** The process exit code docs/architecture.md assigns: 0 valid, 1 invalid, 2 unknown. */
  public int exitCode() {
    return verdict.exitCode;
  }

  public long anomalyCount() {
    return anomalies.values().stream().mapToLong(Long::longValue).sum();
  }

  public Outcomes duringFaults() {
    return metrics.duringFaults();
  }

  public Outcomes outsideFaults() {
    return metrics.outsideFaults();
  }

  public LatencySummary readLatency() {
    return metrics.readLatency();
  }

  public LatencySummary writeLatency() {
    return metrics.writeLatency();
  }

  /** ok ops per second of the load phase. */
  public double throughput() {
    return metrics.throughput();
  }
}
