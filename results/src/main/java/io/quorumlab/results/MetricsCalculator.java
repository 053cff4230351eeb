package io.quorumlab.results;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.ClientOps;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Computes {@link RunMetrics}; see there for the conventions. */
final class MetricsCalculator {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private MetricsCalculator() {}

  static RunMetrics compute(History history, List<Phase> phases) {
    List<ClientOp> ops = ClientOps.of(history);
    List<FaultInterval> faults = FaultIntervals.of(history, phases);
    long historyEnd = history.ops().stream().mapToLong(Op::time).max().orElse(0);
    Phase load = phases.stream().filter(p -> p.name().equals(Phase.LOAD)).findFirst().orElse(null);

    Counter overall = new Counter();
    Counter during = new Counter();
    Counter outside = new Counter();
    Map<String, Counter> byPhase = new LinkedHashMap<>();
    for (Phase p : phases) byPhase.putIfAbsent(p.name(), new Counter());
    Latencies reads = new Latencies();
    Latencies writes = new Latencies();
    long okInLoad = 0;
    long firstInvoke = Long.MAX_VALUE;
    long lastCompletion = Long.MIN_VALUE;

    for (ClientOp op : ops) {
      overall.add(op.outcome());
      long inv = op.invokeNanos();
      if (inv >= 0) {
        firstInvoke = Math.min(firstInvoke, inv);
        for (Phase p : phases) {
          if (p.contains(inv)) {
            byPhase.get(p.name()).add(op.outcome());
            break;
          }
        }
        if (load == null || load.contains(inv)) {
          long until = op.completeNanos() >= inv ? op.completeNanos() : Math.max(inv, historyEnd);
          (overlapsAny(faults, inv, until) ? during : outside).add(op.outcome());
        }
      }
      if (op.completeNanos() >= 0) {
        lastCompletion = Math.max(lastCompletion, op.completeNanos());
        if (op.outcome() == OpType.OK && (load == null || load.contains(op.completeNanos()))) okInLoad++;
      }
      if (op.outcome() == OpType.OK && op.timed()) {
        (op.kind() == OpKind.READ ? reads : writes).record(op.latencyNanos());
      }
    }

    double loadSeconds;
    if (load != null) {
      loadSeconds = load.durationNanos() / 1e9;
    } else if (lastCompletion > firstInvoke && firstInvoke != Long.MAX_VALUE) {
      loadSeconds = (lastCompletion - firstInvoke) / 1e9;
    } else {
      loadSeconds = 0;
    }
    double throughput = loadSeconds > 0 ? okInLoad / loadSeconds : 0;

    Map<String, Outcomes> phaseOutcomes = new LinkedHashMap<>();
    byPhase.forEach((k, v) -> phaseOutcomes.put(k, v.outcomes()));
    return new RunMetrics(
        overall.outcomes(),
        during.outcomes(),
        outside.outcomes(),
        phaseOutcomes,
        reads.summary(),
        writes.summary(),
        throughput,
        loadSeconds,
        faults,
        timeline(ops));
  }

  private static boolean overlapsAny(List<FaultInterval> faults, long from, long to) {
    for (FaultInterval f : faults) if (f.overlaps(from, to)) return true;
    return false;
  }

  /** Gaps longer than this are not filled with empty seconds (a history with odd time origins). */
  private static final long MAX_FILLED_SECONDS = 200_000;

  /**
   * Per-second buckets by completion time, from the first second with a completion to the last;
   * quantiles are exact (sorted), as each second is small.
   */
  private static List<TimeBucket> timeline(List<ClientOp> ops) {
    TreeMap<Long, Second> seconds = new TreeMap<>();
    for (ClientOp op : ops) {
      if (op.completeNanos() < 0) continue;
      Second s = seconds.computeIfAbsent(op.completeNanos() / NANOS_PER_SECOND, k -> new Second());
      s.counts.add(op.outcome());
      if (op.outcome() == OpType.OK && op.timed()) {
        (op.kind() == OpKind.READ ? s.reads : s.writes).add(op.latencyNanos());
      }
    }
    if (seconds.isEmpty()) return List.of();
    long first = seconds.firstKey();
    long last = seconds.lastKey();
    boolean fill = last - first <= MAX_FILLED_SECONDS;
    List<TimeBucket> out = new ArrayList<>();
    Second empty = new Second();
    for (long sec = first; sec <= last; sec = fill ? sec + 1 : nextKey(seconds, sec)) {
      Second s = seconds.getOrDefault(sec, empty);
      long[] r = s.reads.sorted();
      long[] w = s.writes.sorted();
      Outcomes o = s.counts.outcomes();
      out.add(new TimeBucket(sec, o.ok(), o.fail(), o.info(),
          quantileMs(r, 0.50), quantileMs(r, 0.99), quantileMs(w, 0.50), quantileMs(w, 0.99)));
    }
    return out;
  }

  private static long nextKey(TreeMap<Long, Second> m, long k) {
    Long next = m.higherKey(k);
    return next == null ? Long.MAX_VALUE : next;
  }

  private static final class Second {
    final Counter counts = new Counter();
    final LongList reads = new LongList();
    final LongList writes = new LongList();
  }

  /** Nearest-rank quantile in ms, or null for no samples. */
  static Double quantileMs(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) return null;
    int rank = (int) Math.ceil(q * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
  }

  private static final class LongList {
    long[] values = new long[4];
    int size;

    void add(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
    }

    long[] sorted() {
      long[] a = Arrays.copyOf(values, size);
      Arrays.sort(a);
      return a;
    }
  }

  private static final class Counter {
    long ok;
    long fail;
    long info;

    void add(OpType t) {
      switch (t) {
        case OK -> ok++;
        case FAIL -> fail++;
        default -> info++;
      }
    }

    Outcomes outcomes() {
      return new Outcomes(ok, fail, info);
    }
  }

  /** Latencies in an HdrHistogram at 3 significant digits (0.1% relative precision). */
  private static final class Latencies {
    private final Histogram h = new Histogram(3);
    private long exactMax;

    void record(long nanos) {
      h.recordValue(Math.max(0, nanos));
      exactMax = Math.max(exactMax, nanos);
    }

    LatencySummary summary() {
      if (h.getTotalCount() == 0) return LatencySummary.EMPTY;
      return new LatencySummary(
          h.getTotalCount(),
          h.getMean() / 1e6,
          h.getValueAtPercentile(50) / 1e6,
          h.getValueAtPercentile(95) / 1e6,
          h.getValueAtPercentile(99) / 1e6,
          h.getValueAtPercentile(99.9) / 1e6,
          exactMax / 1e6);
    }
  }
}
