package io.quorumlab.results;

import io.quorumlab.checkers.history.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run cost and how available it was, computed from its history.
 *
 * <p>Conventions, chosen so that configurations compare fairly:
 * <ul>
 *   <li>An invocation that never completed counts as {@code info} (indeterminate).
 *   <li>Latency is completion time minus invocation time, and the percentiles cover {@code ok}
 *       ops only. A {@code fail} is usually a fast refusal (no quorum) and an {@code info} is
 *       usually the client's timeout: mixed in, they would make an unavailable configuration
 *       look fast or a fixed timeout look like service time. Both show in the availability
 *       counts, and every op (of any outcome) shows in the report's latency scatter.
 *   <li>Reads are ops with {@code f} read, r or get, and txns whose micro-ops are all reads;
 *       every other client op is a write.
 *   <li>{@link #duringFaults()} / {@link #outsideFaults()} split the ops invoked in the load phase
 *       (all ops when the run has no load phase) by whether the op's execution, from invocation
 *       to completion (or to the end of the history if it never completed), overlaps a fault.
 *   <li>{@link #byPhase()} assigns each op to the phase its invocation fell in.
 *   <li>{@link #throughput()} is ok completions within the load phase per second of it.
 * </ul>
 *
 * @param overall every client op of the history
 * @param byPhase phase name to outcomes, in phase order (phases with no ops are included)
 * @param readLatency ok reads, ms
 * @param writeLatency ok writes, ms
 * @param throughput ok ops per second of the load phase
 * @param loadSeconds duration of the load phase (or of the client ops' span when none is given)
 * @param faults fault intervals derived from the nemesis ops
 * @param timeline one bucket per second by completion time, from the first second with a completion
 *     to the last (empty seconds included)
 */
public record RunMetrics(
    Outcomes overall,
    Outcomes duringFaults,
    Outcomes outsideFaults,
    Map<String, Outcomes> byPhase,
    LatencySummary readLatency,
    LatencySummary writeLatency,
    double throughput,
    double loadSeconds,
    List<FaultInterval> faults,
    List<TimeBucket> timeline) {

  public RunMetrics {
    byPhase = byPhase == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byPhase));
    faults = faults == null ? List.of() : List.copyOf(faults);
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  public static RunMetrics of(History history, List<Phase> phases) {
    return MetricsCalculator.compute(history, phases == null ? List.of() : phases);
  }

  /** Seconds during which at least one fault was in force (overlapping faults counted once). */
  public double faultSeconds() {
    List<FaultInterval> sorted = faults.stream().sorted(java.util.Comparator.comparingLong(FaultInterval::startNanos)).toList();
    long total = 0;
    long curStart = Long.MIN_VALUE;
    long curEnd = Long.MIN_VALUE;
    for (FaultInterval f : sorted) {
      if (f.startNanos() > curEnd) {
        if (curEnd > curStart) total += curEnd - curStart;
        curStart = f.startNanos();
        curEnd = f.endNanos();
      } else {
        curEnd = Math.max(curEnd, f.endNanos());
      }
    }
    if (curEnd > curStart) total += curEnd - curStart;
    return total / 1e9;
  }
}
