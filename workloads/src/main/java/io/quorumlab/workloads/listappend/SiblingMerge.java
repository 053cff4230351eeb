package io.quorumlab.workloads.listappend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The list-append workload's rule for merging siblings into one list, as a client of a Dynamo-style
 * store has to before it can append. Deterministic: the result does not depend on the order in which
 * the store returns the siblings.
 *
 * <ol>
 *   <li>Keep the longest prefix common to every sibling, in its order.
 *   <li>Take what follows that prefix in each sibling (its suffix) and order the suffixes
 *       lexicographically by their elements, a shorter suffix before any suffix it is a prefix of.
 *       Values are appended in increasing order per key, so this puts the branch that began with
 *       the older append first.
 *   <li>Append the suffixes in that order, skipping any element already in the result, so that each
 *       element appears once; each suffix keeps its own order except where an element already came
 *       earlier (two siblings that disagree on the order of the same elements cannot both be kept).
 * </ol>
 *
 * <p>Example: {@code [1,2,5]} and {@code [1,2,3,4]} merge to {@code [1,2,3,4,5]}. Note that any
 * merge of concurrent appends lets a reader see an order that an earlier reader could not have
 * seen ({@code [1,2,5]} then {@code [1,2,3,4,5]}): Elle reports exactly those histories as
 * anomalies, which is the point of running this workload in siblings mode.
 */
public final class SiblingMerge {
  private SiblingMerge() {}

  private static final Comparator<List<Long>> LEXICOGRAPHIC = (a, b) -> {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = Long.compare(a.get(i), b.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  };

  public static List<Long> merge(List<List<Long>> siblings) {
    if (siblings.isEmpty()) return new ArrayList<>();
    if (siblings.size() == 1) return new ArrayList<>(siblings.get(0));
    int prefix = commonPrefixLength(siblings);
    List<List<Long>> suffixes = new ArrayList<>();
    for (List<Long> s : siblings) suffixes.add(s.subList(prefix, s.size()));
    suffixes.sort(LEXICOGRAPHIC);
    Set<Long> result = new LinkedHashSet<>(siblings.get(0).subList(0, prefix));
    for (List<Long> suffix : suffixes) result.addAll(suffix);
    return new ArrayList<>(result);
  }

  private static int commonPrefixLength(List<List<Long>> lists) {
    int limit = lists.stream().mapToInt(List::size).min().orElse(0);
    for (int i = 0; i < limit; i++) {
      Long v = lists.get(0).get(i);
      for (List<Long> l : lists) {
        if (!l.get(i).equals(v)) return i;
      }
    }
    return limit;
  }
}
