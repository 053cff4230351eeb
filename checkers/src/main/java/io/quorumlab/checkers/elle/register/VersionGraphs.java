package io.quorumlab.checkers.elle.register;

import io.quorumlab.checkers.elle.graph.Tarjan;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per key, a graph over the key's versions (values; nil is the initial version): v1 -> v2 when an
 * inference says v1 came before v2. Each edge remembers why, for the explanation.
 */
final class VersionGraphs {
  static final class Key {
    final Map<Object, Integer> ids = new HashMap<>();
    final List<Object> values = new ArrayList<>();
    final Map<Long, String> edges = new LinkedHashMap<>();

    int id(Object v) {
      Object n = v == null ? NIL : Values.norm(v);
      Integer id = ids.get(n);
      if (id != null) return id;
      ids.put(n, values.size());
      values.add(v == null ? null : n);
      return values.size() - 1;
    }

    /** The id of v, or -1 when this key's graph has never seen it. */
    int find(Object v) {
      Integer id = ids.get(v == null ? NIL : Values.norm(v));
      return id == null ? -1 : id;
    }

    boolean has(int a, int b) {
      return edges.containsKey(pack(a, b));
    }

    /** The strongly connected components with more than one version, as lists of values. */
    List<List<Object>> cycles() {
      int n = values.size();
      int[] offs = new int[n + 1];
      for (long e : edges.keySet()) offs[(int) (e >>> 32) + 1]++;
      for (int i = 0; i < n; i++) offs[i + 1] += offs[i];
      int[] adj = new int[edges.size()];
      int[] fill = java.util.Arrays.copyOf(offs, n);
      for (long e : edges.keySet()) adj[fill[(int) (e >>> 32)]++] = (int) e;
      Tarjan t = Tarjan.of(n, offs, adj, null, -1);
      List<List<Object>> result = new ArrayList<>();
      for (int c = 0; c < t.count; c++) {
        if (t.size[c] < 2) continue;
        List<Object> vs = new ArrayList<>();
        for (int v = 0; v < n; v++) if (t.comp[v] == c) vs.add(values.get(v));
        result.add(vs);
      }
      return result;
    }
  }

  private static final Object NIL = new Object() {
    @Override
    public String toString() {
      return "nil";
    }
  };

  static long pack(int a, int b) {
    return ((long) a << 32) | (b & 0xffffffffL);
  }

  final Map<Integer, Key> keys = new HashMap<>();

  Key key(int k) {
    return keys.computeIfAbsent(k, x -> new Key());
  }

  /** Adds v1 -> v2 on k (not a self-edge) with its reason, keeping the first reason given. */
  void link(int k, Object v1, Object v2, String why) {
    Key g = key(k);
    int a = g.id(v1);
    int b = g.id(v2);
    if (a == b) return;
    g.edges.putIfAbsent(pack(a, b), why);
  }

  /** This graph with {@code other}'s edges added. */
  VersionGraphs union(VersionGraphs other) {
    VersionGraphs u = new VersionGraphs();
    for (VersionGraphs src : List.of(this, other)) {
      for (Map.Entry<Integer, Key> e : src.keys.entrySet()) {
        Key g = e.getValue();
        for (Map.Entry<Long, String> edge : g.edges.entrySet()) {
          long p = edge.getKey();
          u.link(e.getKey(), g.values.get((int) (p >>> 32)), g.values.get((int) p), edge.getValue());
        }
      }
    }
    return u;
  }
}
