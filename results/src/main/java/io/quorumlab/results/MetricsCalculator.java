package io.quorumlab.results;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.ClientOps;
import io.quorumlab.results.ops.FaultIntervals;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Per-second buckets by completion time; quantiles exact (sorted), as each second is small. */
  private static List<TimeBucket> timeline(List<ClientOp> ops) {
    long last = -1;
    for (ClientOp op : ops) if (op.completeNanos() >= 0) last = Math.max(last, op.completeNanos());
    if (last < 0) return List.of();
    int seconds = (int) (last / NANOS_PER_SECOND) + 1;
    long[][] counts = new long[seconds][3];
    LongList[] readLat = new LongList[seconds];
    LongList[] writeLat = new LongList[seconds];
    for (ClientOp op : ops) {
      if (op.completeNanos() < 0) continue;
      int s = (int) (op.completeNanos() / NANOS_PER_SECOND);
      counts[s][switch (op.outcome()) {
        case OK -> 0;
        case FAIL -> 1;
        default -> 2;
      }]++;
      if (op.outcome() == OpType.OK && op.timed()) {
        LongList[] target = op.kind() == OpKind.READ ? readLat : writeLat;
        if (target[s] == null) target[s] = new LongList();
        target[s].add(op.latencyNanos());
      }
    }
    List<TimeBucket> out = new ArrayList<>(seconds);
    for (int s = 0; s < seconds; s++) {
      long[] r = sorted(readLat[s]);
      long[] w = sorted(writeLat[s]);
      out.add(new TimeBucket(s, counts[s][0], counts[s][1], counts[s][2],
          quantileMs(r, 0.50), quantileMs(r, 0.99), quantileMs(w, 0.50), quantileMs(w, 0.99)));
    }
    return out;
  }

  private static long[] sorted(LongList l) {
    if (l == null) return new long[0];
    long[] a = Arrays.copyOf(l.values, l.size);
    Arrays.sort(a);
    return a;
  }

  /** Nearest-rank quantile in ms, or null for no samples. */
  static Double quantileMs(long[] sortedNanos, double q) {
    if (sortedNanos.length == 0) return null;
    int rank = (int) Math.ceil(q * sortedNanos.length);
    return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
  }

  private static final class LongList {
    long[] values = new long[8];
    int size;

    void add(long v) {
      if (size == values.length) values = Arrays.copyOf(values, size * 2);
      values[size++] = v;
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
