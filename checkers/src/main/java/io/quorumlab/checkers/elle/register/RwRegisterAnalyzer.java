package io.quorumlab.checkers.elle.register;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.IntList;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.txn.MalformedHistoryException;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Elle's inference for read-write registers with unique written values. Reads name the write they
 * saw (wr edges), but writes do not reveal what they overwrote, so the version order is only
 * partly known: from the inferences that are sound for registers. Every version follows the
 * initial nil; optionally a transaction's write follows the version it read (writes-follow-reads);
 * optionally process order (sequential keys) or realtime order (linearizable keys) orders the
 * versions transactions saw. An inference that makes some key's versions cyclic is dropped and
 * reported as cyclic-versions. ww and rw edges then follow from each version-order edge.
 */
public final class RwRegisterAnalyzer {
  final Txns txns;
  final Map<Object, Integer> keyIds = new HashMap<>();
  final List<Object> keys = new ArrayList<>();
  final RegisterTxn[] ext;
  final RegisterCases cases = new RegisterCases();
  /** (key, value) -> the transaction that wrote it (any outcome). */
  final Map<KeyValue, Integer> writer = new HashMap<>();
  /** Written values that the writer overwrote itself. */
  final Set<KeyValue> intermediate = new java.util.HashSet<>();
  VersionGraphs versions = new VersionGraphs();

  record KeyValue(int key, Object value) {}

  private RwRegisterAnalyzer(Txns txns) {
    this.txns = txns;
    this.ext = new RegisterTxn[txns.count];
  }

  /**
   * @throws MalformedHistoryException on unknown micro-ops, nil writes, a value written twice
   */
  public static Analysis analyze(Txns txns, VersionSources options, int orderEdges) {
    RwRegisterAnalyzer a = new RwRegisterAnalyzer(txns);
    a.scan();
    a.inferVersions(options);
    TxnGraph graph = a.buildGraph(orderEdges);
    return new Analysis(txns, graph, new RwRegisterExplainer(a), a.cases.asMap(), a.cases.counts());
  }

  int keyId(Object key) {
    Object k = Values.norm(key);
    Integer id = keyIds.get(k);
    if (id != null) return id;
    keyIds.put(k, keys.size());
    keys.add(k);
    return keys.size() - 1;
  }

  boolean ok(int t) {
    return txns.type[t] == Txns.OK;
  }

  /** Validates, indexes writes, and finds the anomalies that need no graph. */
  private void scan() {
    Map<KeyValue, List<Integer>> lost = new LinkedHashMap<>();
    for (int t = 0; t < txns.count; t++) {
      List<?> mops = txns.mops[t];
      Map<Integer, Object> lastWrite = new HashMap<>();
      for (int i = 0; i < mops.size(); i++) {
        List<?> mop = txns.mop(t, i);
        String f = (String) mop.get(0);
        int k = keyId(mop.get(1));
        Object v = Values.norm(mop.get(2));
        if ("w".equals(f)) {
          if (v == null) throw malformed(t, i, "writes nil to key " + Render.value(mop.get(1)) + "; written values must be unique non-nil values");
          KeyValue kv = new KeyValue(k, v);
          Integer other = writer.putIfAbsent(kv, t);
          if (other != null) {
            throw malformed(t, i, "writes " + Render.value(v) + " to key " + Render.value(mop.get(1)) + ", which "
                + (other == t ? "it already wrote" : "op index " + txns.opIndex(other) + " also writes")
                + "; rw-register needs every written value to be unique per key");
          }
          Object prev = lastWrite.put(k, v);
          if (prev != null) intermediate.add(new KeyValue(k, prev));
        } else if (!"r".equals(f)) {
          throw malformed(t, i, "unknown micro-op '" + f + "'; rw-register transactions consist of w and r");
        }
      }
      ext[t] = RegisterTxn.of(mops, this);
      if (ok(t)) {
        internal(t);
        RegisterTxn x = ext[t];
        for (Map.Entry<Integer, Object> r : x.extReads().entrySet()) {
          if (x.extWrites().containsKey(r.getKey())) {
            lost.computeIfAbsent(new KeyValue(r.getKey(), r.getValue()), kv -> new ArrayList<>()).add(t);
          }
        }
      }
    }
    for (int t = 0; t < txns.count; t++) {
      if (!ok(t)) continue;
      List<?> mops = txns.mops[t];
      for (int i = 0; i < mops.size(); i++) {
        List<?> mop = (List<?>) mops.get(i);
        Object v = Values.norm(mop.get(2));
        if (!"r".equals(mop.get(0)) || v == null) continue;
        KeyValue kv = new KeyValue(keyIds.get(Values.norm(mop.get(1))), v);
        Integer w = writer.get(kv);
        if (w == null) cases.garbage(this, t, i);
        else if (w != t && txns.type[w] == Txns.FAIL) cases.g1a(this, t, i, w);
        else if (w != t && intermediate.contains(kv)) cases.g1b(this, t, i, w);
      }
    }
    for (Map.Entry<KeyValue, List<Integer>> e : lost.entrySet()) {
      if (e.getValue().size() > 1) cases.lostUpdate(this, e.getKey(), e.getValue());
    }
  }

  /** A read that disagrees with the transaction's own earlier write or read of the key. */
  private void internal(int t) {
    List<?> mops = txns.mops[t];
    Map<Integer, Object> state = new HashMap<>();
    Set<Integer> known = new java.util.HashSet<>();
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      int k = keyIds.get(Values.norm(mop.get(1)));
      Object v = Values.norm(mop.get(2));
      if ("r".equals(mop.get(0)) && known.contains(k) && !Values.eq(state.get(k), v)) {
        cases.internal(this, t, i, state.get(k));
        return;
      }
      state.put(k, v);
      known.add(k);
    }
  }

  private MalformedHistoryException malformed(int t, int mop, String what) {
    return new MalformedHistoryException(txns.history, txns.opIndex(t), "micro-op " + mop + ": " + what);
  }

  /** Builds the version graphs source by source, dropping any source that makes one cyclic. */
  private void inferVersions(VersionSources options) {
    List<String> used = new ArrayList<>();
    record Source(String name, VersionGraphs graphs) {}
    List<Source> sources = new ArrayList<>();
    sources.add(new Source("initial-state", initialState()));
    if (options.wfrKeys()) sources.add(new Source("wfr-keys", writesFollowReads()));
    if (options.sequentialKeys()) sources.add(new Source("sequential-keys", sequentialKeys()));
    if (options.linearizableKeys()) sources.add(new Source("linearizable-keys", linearizableKeys()));
    for (Source s : sources) {
      VersionGraphs merged = versions.union(s.graphs());
      List<String> tried = new ArrayList<>(used);
      tried.add(s.name());
      boolean cyclic = false;
      for (Map.Entry<Integer, VersionGraphs.Key> e : merged.keys.entrySet()) {
        for (List<Object> scc : e.getValue().cycles()) {
          cases.cyclicVersions(this, e.getKey(), scc, tried);
          cyclic = true;
        }
      }
      if (!cyclic) {
        versions = merged;
        used.add(s.name());
      }
    }
  }

  /** Every version a transaction wrote or (committed) read follows the initial nil. */
  private VersionGraphs initialState() {
    VersionGraphs g = new VersionGraphs();
    for (int t = 0; t < txns.count; t++) {
      if (!txns.inGraph(t)) continue;
      for (Map.Entry<Integer, Object> w : ext[t].extWrites().entrySet()) g.link(w.getKey(), null, w.getValue(), "every version follows the initial nil");
      if (ok(t)) {
        for (Map.Entry<Integer, Object> r : ext[t].extReads().entrySet()) {
          if (r.getValue() != null) g.link(r.getKey(), null, r.getValue(), "every version follows the initial nil");
        }
      }
    }
    return g;
  }

  /** A committed transaction that read x = v1 and then wrote x = v2 put v1 before v2. */
  private VersionGraphs writesFollowReads() {
    VersionGraphs g = new VersionGraphs();
    for (int t = 0; t < txns.count; t++) {
      if (!ok(t)) continue;
      for (Map.Entry<Integer, Object> r : ext[t].extReads().entrySet()) {
        Object v2 = ext[t].extWrites().get(r.getKey());
        if (r.getValue() != null && v2 != null) {
          g.link(r.getKey(), r.getValue(), v2, Render.txnRef(txns, t) + " read " + Render.value(r.getValue()) + " and then wrote " + Render.value(v2));
        }
      }
    }
    return g;
  }

  /** Per process and key, each transaction's last version precedes the next one's first. */
  private VersionGraphs sequentialKeys() {
    VersionGraphs g = new VersionGraphs();
    for (int[] chain : txns.processChains()) {
      Map<Integer, Integer> lastTxn = new HashMap<>();
      for (int t : chain) {
        for (int k : keysOf(t)) {
          Integer prev = lastTxn.put(k, t);
          if (prev == null) continue;
          Object v1 = ext[prev].last(k, ok(prev));
          Object v2 = ext[t].first(k, ok(t));
          g.link(k, v1, v2, "process " + txns.process[t] + " saw " + Render.value(v1) + " (op " + txns.opIndex(prev) + ") before "
              + Render.value(v2) + " (op " + txns.opIndex(t) + ")");
        }
      }
    }
    return g;
  }

  /** Per key, a transaction that completed before another was invoked saw an earlier version. */
  private VersionGraphs linearizableKeys() {
    VersionGraphs g = new VersionGraphs();
    int positions = txns.history.size();
    int[] event = new int[positions];
    for (int t = 0; t < txns.count; t++) {
      if (!txns.inGraph(t)) continue;
      event[txns.invokePos[t]] = t * 2 + 2;
      if (ok(t)) event[txns.completePos[t]] = t * 2 + 1;
    }
    Map<Integer, Set<Integer>> frontier = new HashMap<>();
    Map<Integer, Map<Integer, List<Integer>>> seenAtInvoke = new HashMap<>();
    for (int p = 0; p < positions; p++) {
      int e = event[p];
      if (e == 0) continue;
      int t = (e - 1) >> 1;
      boolean completion = ((e - 1) & 1) == 0;
      if (!completion) {
        Map<Integer, List<Integer>> seen = new HashMap<>();
        for (int k : keysOf(t)) {
          List<Integer> before = new ArrayList<>(frontier.getOrDefault(k, Set.of()));
          seen.put(k, before);
          Object v2 = ext[t].first(k, ok(t));
          for (int f : before) {
            Object v1 = ext[f].last(k, true);
            g.link(k, v1, v2, Render.txnRef(txns, f) + " (" + Render.value(v1) + ") completed before " + Render.txnRef(txns, t) + " ("
                + Render.value(v2) + ") was invoked");
          }
        }
        seenAtInvoke.put(t, seen);
      } else {
        Map<Integer, List<Integer>> seen = seenAtInvoke.remove(t);
        for (int k : keysOf(t)) {
          Set<Integer> fr = frontier.computeIfAbsent(k, x -> new LinkedHashSet<>());
          fr.removeAll(seen.getOrDefault(k, List.of()));
          fr.add(t);
        }
      }
    }
    return g;
  }

  private Set<Integer> keysOf(int t) {
    Set<Integer> ks = new LinkedHashSet<>(ext[t].extWrites().keySet());
    if (ok(t)) ks.addAll(ext[t].extReads().keySet());
    return ks;
  }

  /** wr edges from reads, ww and rw edges from the version graphs, then order edges. */
  private TxnGraph buildGraph(int orderEdges) {
    Map<KeyValue, Integer> extWriter = new HashMap<>();
    Map<KeyValue, IntList> extReaders = new HashMap<>();
    for (int t = 0; t < txns.count; t++) {
      if (!txns.inGraph(t)) continue;
      for (Map.Entry<Integer, Object> w : ext[t].extWrites().entrySet()) extWriter.put(new KeyValue(w.getKey(), w.getValue()), t);
      if (ok(t)) {
        for (Map.Entry<Integer, Object> r : ext[t].extReads().entrySet()) {
          extReaders.computeIfAbsent(new KeyValue(r.getKey(), r.getValue()), kv -> new IntList(4)).add(t);
        }
      }
    }
    IntList src = new IntList();
    IntList dst = new IntList();
    IntList typ = new IntList();
    for (Map.Entry<KeyValue, IntList> r : extReaders.entrySet()) {
      Integer w = extWriter.get(r.getKey());
      if (w == null) continue;
      for (int i = 0; i < r.getValue().size(); i++) {
        src.add(w);
        dst.add(r.getValue().get(i));
        typ.add(Edges.WR);
      }
    }
    for (Map.Entry<Integer, VersionGraphs.Key> e : versions.keys.entrySet()) {
      int k = e.getKey();
      VersionGraphs.Key g = e.getValue();
      for (long edge : g.edges.keySet()) {
        Object v1 = g.values.get((int) (edge >>> 32));
        Object v2 = g.values.get((int) edge);
        Integer w2 = extWriter.get(new KeyValue(k, v2));
        if (w2 == null) continue;
        Integer w1 = v1 == null ? null : extWriter.get(new KeyValue(k, v1));
        if (w1 != null) {
          src.add(w1);
          dst.add(w2);
          typ.add(Edges.WW);
        }
        IntList readers = extReaders.get(new KeyValue(k, v1));
        if (readers != null) {
          for (int i = 0; i < readers.size(); i++) {
            src.add(readers.get(i));
            dst.add(w2);
            typ.add(Edges.RW);
          }
        }
      }
    }
    // group by target so the builder deduplicates
    int n = txns.count;
    int[] offs = new int[n + 1];
    for (int i = 0; i < dst.size(); i++) offs[dst.get(i) + 1]++;
    for (int t = 0; t < n; t++) offs[t + 1] += offs[t];
    int[] order = new int[dst.size()];
    int[] fill = java.util.Arrays.copyOf(offs, n);
    for (int i = 0; i < dst.size(); i++) order[fill[dst.get(i)]++] = i;
    GraphBuilder gb = new GraphBuilder(n, src.size() + 3 * n);
    for (int t = 0; t < n; t++) {
      if (offs[t] == offs[t + 1]) continue;
      gb.beginTarget(t);
      for (int j = offs[t]; j < offs[t + 1]; j++) gb.add(src.get(order[j]), typ.get(order[j]));
      gb.endTarget();
    }
    if ((orderEdges & Edges.REALTIME) != 0) {
      int[] inv = new int[n];
      int[] comp = new int[n];
      for (int t = 0; t < n; t++) {
        inv[t] = txns.inGraph(t) ? txns.invokePos[t] : -1;
        comp[t] = ok(t) ? txns.completePos[t] : -1;
      }
      gb.addRealtimeOrder(inv, comp, txns.history.size());
    } else if ((orderEdges & Edges.PROCESS) != 0) {
      gb.addProcessOrder(txns.processChains());
    }
    return gb.build();
  }
}
