/**
 * A run's directory, results and report.
 *
 * <p>Layout ({@link io.quorumlab.results.RunDirectory}): {@code runs/<workload>/<yyyyMMdd-HHmmss[-n]>/}
 * with {@code spec.json}, {@code history.jsonl}, {@code results.json}, {@code report.html} and
 * {@code nodes/}; {@code runs/latest} is a relative symlink to the newest run (a text file holding
 * the relative path where links are impossible).
 *
 * <p>{@code results.json} ({@code "format": "quorumlab-results/1"}), written by
 * {@link io.quorumlab.results.ResultsWriter} (with report.html: {@code results.write.RunWriter})
 * and read by {@link io.quorumlab.results.ResultsReader}:
 * <pre>
 * format, verdict ("valid" | "invalid" | "unknown"), exitCode (0 | 1 | 2), workload,
 * anomalies   {type: count}, summed over all checks
 * checks      [{name, verdict, summary, explanation [lines], anomalies {type: count}, details {...},
 *               artifacts [paths relative to the run directory]}]
 * metrics     overall / duringFaults / outsideFaults: {ok, fail, info, total, okShare, failShare, infoShare}
 *             byPhase {phase: outcomes}
 *             readLatency / writeLatency: {count, mean, p50, p95, p99, p999, max} in ms, ok ops only
 *             throughput (ok ops/s over the load phase), loadSeconds
 *             faults [{kind, description, startNanos, endNanos}]
 *             timeline [{second, ok, fail, info, readP50, readP99, writeP50, writeP99}] (null: no such op)
 * run         {workload, backend, startedAtEpochMs, startedAt (ISO-8601), phases [{name, startNanos, endNanos}], error}
 * spec        every option of the run, in order
 * </pre>
 * Times are in the history's timebase (nanoseconds since the run started). The conventions behind
 * the metrics (what counts as a read, how info ops and faults are accounted) are on
 * {@link io.quorumlab.results.RunMetrics}.
 */
package io.quorumlab.results;
