package io.quorumlab.checkers.elle.model;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A small directed graph over names, for the model and anomaly lattices (tens of vertices). */
final class Dag {
  private final Map<String, Set<String>> out = new LinkedHashMap<>();
  private final Map<String, Set<String>> in = new LinkedHashMap<>();

  void link(String from, String to) {
    out.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
    in.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
    out.computeIfAbsent(to, k -> new LinkedHashSet<>());
    in.computeIfAbsent(from, k -> new LinkedHashSet<>());
  }

  void linkAll(String from, List<String> tos) {
    for (String to : tos) link(from, to);
  }

  Set<String> vertices() {
    return out.keySet();
  }

  Set<String> out(String v) {
    return out.getOrDefault(v, Set.of());
  }

  Set<String> in(String v) {
    return in.getOrDefault(v, Set.of());
  }

  /** Everything reachable from {@code starts} following out-edges, the starts included. */
  Set<String> downstream(Collection<String> starts) {
    return walk(starts, true);
  }

  /** Everything that reaches {@code starts}, the starts included. */
  Set<String> upstream(Collection<String> starts) {
    return walk(starts, false);
  }

  private Set<String> walk(Collection<String> starts, boolean forward) {
    Set<String> seen = new LinkedHashSet<>(starts);
    Deque<String> todo = new ArrayDeque<>(starts);
    while (!todo.isEmpty()) {
      String v = todo.pop();
      for (String next : forward ? out(v) : in(v)) {
        if (seen.add(next)) todo.add(next);
      }
    }
    return seen;
  }
}
