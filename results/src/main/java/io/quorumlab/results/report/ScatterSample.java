package io.quorumlab.results.report;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Chooses which ops the latency scatter draws. Up to {@code limit} every timed op is drawn. Beyond
 * it the points that matter most are kept whole: every fail and info op, and the slowest 1% of ok
 * ops (the tail is what the chart is for); the remaining ok ops are thinned by an even stride so
 * the density still reads true. A chart of 100k points would be slow to draw and heavy to embed.
 */
record ScatterSample(List<ClientOp> points, int timedOps, int untimedOps, String note, long[][] counts) {

  static ScatterSample of(List<ClientOp> ops, int limit) {
    List<ClientOp> timed = new ArrayList<>();
    int untimed = 0;
    long[][] counts = new long[OpType.values().length][OpKind.values().length];
    for (ClientOp op : ops) {
      if (op.timed()) {
        timed.add(op);
        counts[op.outcome().ordinal()][op.kind().ordinal()]++;
      } else {
        untimed++;
      }
    }
    if (timed.size() <= limit) return new ScatterSample(timed, timed.size(), untimed, null, counts);

    List<ClientOp> nonOk = new ArrayList<>();
    List<ClientOp> ok = new ArrayList<>();
    for (ClientOp op : timed) (op.outcome() == OpType.OK ? ok : nonOk).add(op);
    // The slowest 1% by rank (not by a threshold, which ties could inflate), capped for huge runs.
    int tailCount = Math.min((int) Math.ceil(ok.size() * 0.01), limit / 4);
    Set<ClientOp> tail = Collections.newSetFromMap(new IdentityHashMap<>());
    ok.stream().sorted(Comparator.comparingLong(ClientOp::latencyNanos).reversed()).limit(tailCount).forEach(tail::add);
    // Even a pathological run with more non-ok ops than half the limit must stay drawable.
    boolean thinnedNonOk = nonOk.size() > limit / 2;
    List<ClientOp> keptNonOk = thinnedNonOk ? stride(nonOk, limit / 2) : nonOk;
    List<ClientOp> rest = new ArrayList<>(ok.size());
    for (ClientOp op : ok) if (!tail.contains(op)) rest.add(op);
    int room = Math.max(0, limit - keptNonOk.size() - tail.size());
    List<ClientOp> all = new ArrayList<>(limit);
    all.addAll(keptNonOk);
    all.addAll(tail);
    all.addAll(stride(rest, room));
    int every = Math.max(1, (int) Math.ceil(rest.size() / (double) Math.max(1, room)));
    String note = String.format("Showing %,d of %,d ops: every fail and info op%s and the slowest 1%% of ok ops, plus 1 in %d of the other ok ops.",
        all.size(), timed.size(), thinnedNonOk ? " (thinned evenly, there were so many)" : "", every);
    return new ScatterSample(all, timed.size(), untimed, note, counts);
  }

  /** How many timed ops (drawn or thinned away) had this outcome and kind. */
  long count(OpType outcome, OpKind kind) {
    return counts[outcome.ordinal()][kind.ordinal()];
  }

  private static List<ClientOp> stride(List<ClientOp> ops, int n) {
    if (n <= 0) return List.of();
    if (ops.size() <= n) return ops;
    double step = ops.size() / (double) n;
    List<ClientOp> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) out.add(ops.get((int) (i * step)));
    return out;
  }
}
