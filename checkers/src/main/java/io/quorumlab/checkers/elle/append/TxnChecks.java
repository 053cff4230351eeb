package io.quorumlab.checkers.elle.append;

import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The checks within one committed transaction that touches a key more than once: internal
 * consistency (a read agrees with the transaction's own earlier reads and appends, Cerone et al.'s
 * INT), future reads (a read shows an element the transaction appends only later), and the
 * read-then-append pairs that lost-update detection groups. Transactions are short, so each check
 * scans the transaction's earlier micro-ops rather than building maps.
 */
final class TxnChecks {
  private TxnChecks() {}

  static void check(ListAppendAnalyzer a, int t, Map<ListAppendAnalyzer.LostKey, List<Integer>> lost) {
    List<?> mops = a.txns.mops[t];
    int start = a.mopStart[t];
    int n = mops.size();
    boolean internalFound = false;
    boolean futureFound = false;
    for (int i = 0; i < n; i++) {
      int k = a.mopKey[start + i];
      Object v = ((List<?>) mops.get(i)).get(2);
      if (a.mopKind[start + i] == ListAppendAnalyzer.APPEND) {
        boolean firstAppend = true;
        int firstRead = -1;
        for (int j = 0; j < i; j++) {
          if (a.mopKey[start + j] != k) continue;
          if (a.mopKind[start + j] == ListAppendAnalyzer.APPEND) {
            firstAppend = false;
          } else {
            if (firstRead < 0 && firstAppend) firstRead = j;
            Object seen = ((List<?>) mops.get(j)).get(2);
            if (!futureFound && seen != null && contains((List<?>) seen, v)) {
              a.cases.futureRead(a, t, j, v);
              futureFound = true;
            }
          }
        }
        if (firstAppend && firstRead >= 0) {
          Object read = ((List<?>) mops.get(firstRead)).get(2);
          lost.computeIfAbsent(new ListAppendAnalyzer.LostKey(k, read == null ? List.of() : (List<?>) read), x -> new ArrayList<>())
              .add(t);
        }
      } else if (!internalFound) {
        List<Object> expected = expected(a, t, i, k);
        List<?> read = v == null ? List.of() : (List<?>) v;
        if (expected != null && !consistent(expected, read)) {
          a.cases.internal(a, t, i, expected);
          internalFound = true;
        }
      }
    }
  }

  /**
   * What the transaction's own earlier micro-ops on key k say a read at {@code i} must show: the
   * last earlier read plus the appends since, or (no earlier read) "..." and the appends; null
   * when nothing is known.
   */
  private static List<Object> expected(ListAppendAnalyzer a, int t, int i, int k) {
    List<?> mops = a.txns.mops[t];
    int start = a.mopStart[t];
    int lastRead = -1;
    for (int j = i - 1; j >= 0; j--) {
      if (a.mopKey[start + j] == k && a.mopKind[start + j] == ListAppendAnalyzer.READ) {
        lastRead = j;
        break;
      }
    }
    List<Object> expected = new ArrayList<>();
    if (lastRead >= 0) {
      Object seen = ((List<?>) mops.get(lastRead)).get(2);
      if (seen != null) expected.addAll((List<?>) seen);
    } else {
      expected.add("...");
    }
    boolean any = lastRead >= 0;
    for (int j = lastRead + 1; j < i; j++) {
      if (a.mopKey[start + j] == k && a.mopKind[start + j] == ListAppendAnalyzer.APPEND) {
        expected.add(((List<?>) mops.get(j)).get(2));
        any = true;
      }
    }
    return any ? expected : null;
  }

  private static boolean consistent(List<Object> expected, List<?> read) {
    boolean suffixOnly = !expected.isEmpty() && "...".equals(expected.get(0));
    if (!suffixOnly) return Values.listEq(expected, read);
    int m = expected.size() - 1;
    int off = read.size() - m;
    if (off < 0) return false;
    for (int i = 0; i < m; i++) if (!Values.eq(expected.get(i + 1), read.get(off + i))) return false;
    return true;
  }

  private static boolean contains(List<?> l, Object v) {
    for (Object x : l) if (Values.eq(x, v)) return true;
    return false;
  }
}
