package io.quorumlab.checkers.elle.append;

import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks within one committed transaction that touches a key more than once: internal
 * consistency (a read agrees with the transaction's own earlier reads and appends, Cerone et al.'s
 * INT), future reads (a read shows an element the transaction appends only later), and the
 * read-then-append pairs that lost-update detection groups.
 */
final class TxnChecks {
  private TxnChecks() {}

  /** What the transaction knows of a key: the whole list, or only a suffix of it. */
  private record Expected(boolean prefixKnown, List<Object> elements) {}

  static void check(ListAppendAnalyzer a, int t, Map<ListAppendAnalyzer.LostKey, List<Integer>> lost) {
    List<?> mops = a.txns.mops[t];
    Map<Integer, Expected> state = new HashMap<>();
    Map<Integer, Integer> firstRead = new HashMap<>();
    Set<Integer> appended = new HashSet<>();
    boolean internalFound = false;
    boolean futureFound = false;
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      int k = a.keyIds.get(Values.norm(mop.get(1)));
      Object v = mop.get(2);
      if ("append".equals(mop.get(0))) {
        Expected s = state.get(k);
        List<Object> elems = new ArrayList<>(s == null ? List.of() : s.elements());
        elems.add(v);
        state.put(k, new Expected(s != null && s.prefixKnown(), elems));
        if (!futureFound) {
          for (int j = 0; j < i; j++) {
            List<?> prior = (List<?>) mops.get(j);
            if ("r".equals(prior.get(0)) && a.keyIds.get(Values.norm(prior.get(1))) == k && prior.get(2) != null
                && containsValue((List<?>) prior.get(2), v)) {
              a.cases.futureRead(a, t, j, v);
              futureFound = true;
              break;
            }
          }
        }
        if (appended.add(k)) {
          Integer r = firstRead.get(k);
          if (r != null) {
            Object read = ((List<?>) mops.get(r)).get(2);
            lost.computeIfAbsent(new ListAppendAnalyzer.LostKey(k, read == null ? List.of() : (List<?>) read), x -> new ArrayList<>())
                .add(t);
          }
        }
      } else {
        List<?> read = v == null ? List.of() : (List<?>) v;
        if (!appended.contains(k)) firstRead.putIfAbsent(k, i);
        Expected s = state.get(k);
        if (s != null && !internalFound && !consistent(s, read)) {
          List<Object> expected = new ArrayList<>();
          if (!s.prefixKnown()) expected.add("...");
          expected.addAll(s.elements());
          a.cases.internal(a, t, i, expected);
          internalFound = true;
        }
        state.put(k, new Expected(true, new ArrayList<>(read)));
      }
    }
  }

  private static boolean consistent(Expected s, List<?> read) {
    List<Object> e = s.elements();
    if (s.prefixKnown()) return Values.listEq(e, read);
    int off = read.size() - e.size();
    if (off < 0) return false;
    for (int i = 0; i < e.size(); i++) if (!Values.eq(e.get(i), read.get(off + i))) return false;
    return true;
  }

  private static boolean containsValue(List<?> l, Object v) {
    for (Object x : l) if (Values.eq(x, v)) return true;
    return false;
  }
}
