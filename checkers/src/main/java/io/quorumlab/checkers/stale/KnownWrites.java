package io.quorumlab.checkers.stale;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;

/**
 * The known writes of one register, indexed for the questions the stale-read rule asks of them,
 * each answered in logarithmic time: checking a key grows as n log n with its number of ops, not
 * as reads times writes.
 */
final class KnownWrites {
  /** By the writer's invocation. */
  private final Known[] byInvoke;
  private final long[] invokeIndex;
  /** earliestKnownFrom[i]: among byInvoke[i..], the one known first; one slot past the end is null. */
  private final Known[] earliestKnownFrom;
  /** By when they became known. */
  private final Known[] byKnown;
  private final long[] knownIndex;
  /** Positions in byInvoke of byKnown's entries. */
  private final int[] invokeRankOfKnown;
  /** latestStartUpTo[i]: among byKnown[..i], the one whose writer began last in time (null without times). */
  private final Known[] latestStartUpTo;

  KnownWrites(Collection<Known> known) {
    byInvoke = known.toArray(new Known[0]);
    Arrays.sort(byInvoke, Comparator.comparingLong(k -> k.writer().invokeIndex()));
    int n = byInvoke.length;
    invokeIndex = new long[n];
    earliestKnownFrom = new Known[n + 1];
    for (int i = n - 1; i >= 0; i--) {
      invokeIndex[i] = byInvoke[i].writer().invokeIndex();
      Known later = earliestKnownFrom[i + 1];
      earliestKnownFrom[i] = later == null ? byInvoke[i] : Known.earlier(byInvoke[i], later);
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingLong(i -> byInvoke[i].atIndex()));
    byKnown = new Known[n];
    knownIndex = new long[n];
    invokeRankOfKnown = new int[n];
    latestStartUpTo = new Known[n];
    for (int i = 0; i < n; i++) {
      byKnown[i] = byInvoke[order[i]];
      knownIndex[i] = byKnown[i].atIndex();
      invokeRankOfKnown[i] = order[i];
      Known prev = i == 0 ? null : latestStartUpTo[i - 1];
      latestStartUpTo[i] = startedLater(prev, byKnown[i]);
    }
  }

  boolean isEmpty() {
    return byInvoke.length == 0;
  }

  /**
   * Of the writes invoked after position {@code after}, the one known first, if it was known
   * before position {@code before}; else null.
   */
  Known firstMissed(long after, long before) {
    Known k = earliestKnownFrom[firstInvokedAfter(after)];
    return k != null && k.atIndex() < before ? k : null;
  }

  /**
   * For each query i: how many writes invoked after {@code after[i]} were known before
   * {@code before[i]}. Answers all at once, sweeping the queries by {@code before}.
   */
  int[] countMissed(long[] after, long[] before) {
    int q = after.length;
    Integer[] order = new Integer[q];
    for (int i = 0; i < q; i++) order[i] = i;
    Arrays.sort(order, Comparator.comparingLong(i -> before[i]));
    int[] tree = new int[byInvoke.length + 1];
    int[] answer = new int[q];
    int added = 0;
    for (int i : order) {
      while (added < byKnown.length && knownIndex[added] < before[i]) {
        for (int p = invokeRankOfKnown[added] + 1; p < tree.length; p += p & -p) tree[p]++;
        added++;
      }
      int notAfter = 0;
      for (int p = firstInvokedAfter(after[i]); p > 0; p -= p & -p) notAfter += tree[p];
      answer[i] = added - notAfter;
    }
    return answer;
  }

  /** Of the writes known before position {@code before}, the one whose writer began last in time; null when none has a time. */
  Known latestStartedBefore(long before) {
    int i = firstAtOrAfter(knownIndex, before) - 1;
    return i < 0 ? null : latestStartUpTo[i];
  }

  private int firstInvokedAfter(long after) {
    return firstAtOrAfter(invokeIndex, after == Long.MAX_VALUE ? after : after + 1);
  }

  /** The first position whose value is >= x (a.length when none). */
  private static int firstAtOrAfter(long[] a, long x) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private static Known startedLater(Known a, Known b) {
    long tb = Times.startOf(b.writer().op().invoke());
    if (tb < 0) return a;
    return a == null || tb > Times.startOf(a.writer().op().invoke()) ? b : a;
  }
}
