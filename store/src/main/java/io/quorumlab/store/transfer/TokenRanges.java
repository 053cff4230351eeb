package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.TokenRange;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A set of tokens given as ranges, kept as disjoint inclusive runs {@code [lo, hi]} in unsigned
 * order, so that membership is a binary search however many ranges a join touches (a few per
 * vnode). Immutable.
 */
final class TokenRanges {
  static final TokenRanges EMPTY = new TokenRanges(new long[0], new long[0]);

  /** Run i covers the unsigned tokens lo[i]..hi[i]; runs are sorted, disjoint and not adjacent. */
  private final long[] lo;
  private final long[] hi;

  private TokenRanges(long[] lo, long[] hi) {
    this.lo = lo;
    this.hi = hi;
  }

  static TokenRanges of(Collection<TokenRange> ranges) {
    List<long[]> runs = new ArrayList<>();
    for (TokenRange r : ranges) {
      if (r.isFullRing()) {
        runs.add(new long[] {0, -1L});
        continue;
      }
      long first = r.startExclusive() + 1;
      long last = r.endInclusive();
      if (Long.compareUnsigned(first, last) <= 0) {
        runs.add(new long[] {first, last});
      } else {
        // Wraps through 2^64: two runs.
        runs.add(new long[] {first, -1L});
        runs.add(new long[] {0, last});
      }
    }
    runs.sort(Comparator.comparing((long[] run) -> run[0], Long::compareUnsigned));
    List<long[]> merged = new ArrayList<>();
    for (long[] run : runs) {
      long[] previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (previous != null && (previous[1] == -1L || Long.compareUnsigned(run[0], previous[1] + 1) <= 0)) {
        if (Long.compareUnsigned(run[1], previous[1]) > 0) {
          previous[1] = run[1];
        }
      } else {
        merged.add(run.clone());
      }
    }
    long[] lo = new long[merged.size()];
    long[] hi = new long[merged.size()];
    for (int i = 0; i < lo.length; i++) {
      lo[i] = merged.get(i)[0];
      hi[i] = merged.get(i)[1];
    }
    return new TokenRanges(lo, hi);
  }

  boolean contains(long token) {
    int a = 0;
    int b = lo.length - 1;
    int found = -1;
    while (a <= b) {
      int mid = (a + b) >>> 1;
      if (Long.compareUnsigned(lo[mid], token) <= 0) {
        found = mid;
        a = mid + 1;
      } else {
        b = mid - 1;
      }
    }
    return found >= 0 && Long.compareUnsigned(token, hi[found]) <= 0;
  }

  TokenRanges union(TokenRanges other) {
    List<TokenRange> all = new ArrayList<>(toList());
    all.addAll(other.toList());
    return of(all);
  }

  boolean isEmpty() {
    return lo.length == 0;
  }

  /** The runs as ring ranges {@code (lo - 1, hi]} (the whole ring as {@link TokenRange#fullRing}). */
  List<TokenRange> toList() {
    List<TokenRange> out = new ArrayList<>(lo.length);
    for (int i = 0; i < lo.length; i++) {
      out.add(lo[i] == 0 && hi[i] == -1L ? TokenRange.fullRing() : new TokenRange(lo[i] - 1, hi[i]));
    }
    return out;
  }

  @Override
  public String toString() {
    return lo.length + " token ranges";
  }
}
