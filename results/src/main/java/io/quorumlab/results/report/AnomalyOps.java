package io.quorumlab.results.report;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The operations the checkers blame, read from their results: every op index an invalid check's
 * details name ({@code read-index}, {@code missed-write-index}, a counterexample's
 * {@code invoke-index}...), with the role it has there. What a counterexample merely lists as
 * consistent (a linearizable prefix, pending calls) is not blamed.
 */
final class AnomalyOps {
  /** Parts of a result that list ops which are fine: the linearizable prefix, calls still pending. */
  private static final Set<String> NOT_BLAMED = Set.of("prefix", "pending");
  /** Roles of the op that is itself wrong (the others are the writes or reads it contradicts). */
  private static final Set<String> CULPRITS = Set.of("blocked", "read", "final-read", "absent-read", "reappeared-read", "observed", "op");

  /** What a checker says of one op. */
  record Blame(String checker, String role) {
    boolean culprit() {
      return CULPRITS.contains(role);
    }

    @Override
    public String toString() {
      return checker + ": " + role.replace('-', ' ');
    }
  }

  private AnomalyOps() {}

  /** Op index (an invocation's or a completion's, as the checker wrote it) to what is said of it. */
  static Map<Long, Set<Blame>> of(List<CheckSummary> checks) {
    Map<Long, Set<Blame>> out = new TreeMap<>();
    for (CheckSummary c : checks) {
      if (c.verdict() == Verdict.INVALID) walk(c.details(), null, null, c.name(), out);
    }
    return out;
  }

  private static void walk(Object node, String key, String parent, String checker, Map<Long, Set<Blame>> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (NOT_BLAMED.contains(k)) continue;
        Object v = e.getValue();
        if (v instanceof Number n && isIndex(k)) {
          String role = k.equals("index") || k.equals("invoke-index") || k.equals("complete-index") ? (key == null ? "op" : key)
              : k.substring(0, k.length() - "-index".length());
          out.computeIfAbsent(n.longValue(), i -> new LinkedHashSet<>()).add(new Blame(checker, role));
        } else {
          walk(v, k, key, checker, out);
        }
      }
    } else if (node instanceof List<?> list) {
      for (Object o : new ArrayList<>(list)) walk(o, key, parent, checker, out);
    }
  }

  /** An op's index; a micro-op's position inside a transaction ({@code mop-index}) is not one. */
  private static boolean isIndex(String k) {
    return (k.equals("index") || k.endsWith("-index")) && !k.endsWith("mop-index");
  }
}
