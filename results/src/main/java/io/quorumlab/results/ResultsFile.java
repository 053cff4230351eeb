package io.quorumlab.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quorumlab.checkers.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The layout of results.json: the verdict and anomalies first (what a person or CI looks for),
 * then each check, metrics, how the run went, and the full spec.
 */
@JsonPropertyOrder({"format", "verdict", "exitCode", "workload", "anomalies", "checks", "metrics", "run", "spec"})
record ResultsFile(
    String format,
    Verdict verdict,
    int exitCode,
    String workload,
    Map<String, Long> anomalies,
    List<CheckSummary> checks,
    RunMetrics metrics,
    RunSection run,
    Map<String, Object> spec) {

  /** {@link RunInfo} without its spec, which sits at the top level. */
  @JsonPropertyOrder({"workload", "backend", "startedAtEpochMs", "startedAt", "phases", "error"})
  record RunSection(String workload, String backend, long startedAtEpochMs, String startedAt, List<Phase> phases, String error) {}

  static ResultsFile of(RunResults r) {
    RunInfo i = r.info();
    return new ResultsFile(ResultsJson.FORMAT, r.verdict(), r.exitCode(), i.workload(), r.anomalies(), r.checks(), r.metrics(),
        new RunSection(i.workload(), i.backend(), i.startedAtEpochMs(), Instant.ofEpochMilli(i.startedAtEpochMs()).toString(), i.phases(), i.error()),
        i.spec());
  }

  RunResults toResults() {
    RunSection s = run == null ? new RunSection(workload, null, 0, null, List.of(), null) : run;
    RunInfo info = new RunInfo(s.workload() != null ? s.workload() : workload, s.backend(), spec, s.startedAtEpochMs(), s.phases(), s.error());
    // The stored verdict and totals stand as written; they are recomputed only when absent.
    RunResults recomputed = RunResults.of(info, checks == null ? List.of() : checks, metrics);
    return new RunResults(verdict != null ? verdict : recomputed.verdict(), recomputed.checks(), anomalies != null ? anomalies : recomputed.anomalies(), metrics, info);
  }
}
