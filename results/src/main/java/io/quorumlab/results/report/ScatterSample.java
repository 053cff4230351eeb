package io.quorumlab.results.report;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.OpKind;
import java.util.ArrayList;
import java.util.List;

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

    long[] okLat = timed.stream().filter(o -> o.outcome() == OpType.OK).mapToLong(ClientOp::latencyNanos).sorted().toArray();
    long tail = okLat.length == 0 ? Long.MAX_VALUE : okLat[Math.max(0, (int) Math.floor(okLat.length * 0.99) - 1)];
    List<ClientOp> keep = new ArrayList<>();
    List<ClientOp> rest = new ArrayList<>();
    for (ClientOp op : timed) {
      if (op.outcome() != OpType.OK || op.latencyNanos() >= tail) keep.add(op);
      else rest.add(op);
    }
    // Even a pathological run with more non-ok ops than the limit must stay drawable.
    boolean thinnedNonOk = keep.size() > limit / 2;
    if (thinnedNonOk) keep = stride(keep, limit / 2);
    int room = Math.max(0, limit - keep.size());
    List<ClientOp> thinned = stride(rest, room);
    List<ClientOp> all = new ArrayList<>(keep.size() + thinned.size());
    all.addAll(keep);
    all.addAll(thinned);
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
