package io.quorumlab.checkers.elle.register;

import static io.quorumlab.checkers.elle.report.CaseCollector.data;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.report.EdgeExplainer;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.report.Step;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.List;
import java.util.Map;

/** Justifies rw-register dependencies from reads and the inferred version orders. */
final class RwRegisterExplainer implements EdgeExplainer {
  private final RwRegisterAnalyzer a;

  RwRegisterExplainer(RwRegisterAnalyzer a) {
    this.a = a;
  }

  @Override
  public Step explain(int from, int to, int type) {
    RegisterTxn x = a.ext[from];
    RegisterTxn y = a.ext[to];
    if (type == Edges.WR) {
      for (Map.Entry<Integer, Object> w : x.extWrites().entrySet()) {
        if (y.extReads().containsKey(w.getKey()) && Values.eq(y.extReads().get(w.getKey()), w.getValue())) {
          Object key = a.keys.get(w.getKey());
          return new Step(Edges.WR,
              data("type", "wr", "key", key, "value", w.getValue(), "a-mop-index", mopIndex(from, "w", w.getKey(), w.getValue()),
                  "b-mop-index", mopIndex(to, "r", w.getKey(), w.getValue())),
              "{b} read key " + Render.value(key) + " = " + Render.value(w.getValue()) + ", which {a} wrote");
        }
      }
      return null;
    }
    Map<Integer, Object> mine = type == Edges.WW ? x.extWrites() : x.extReads();
    for (Map.Entry<Integer, Object> m : mine.entrySet()) {
      int k = m.getKey();
      Object v2 = y.extWrites().get(k);
      VersionGraphs.Key g = a.versions.keys.get(k);
      if (v2 == null || g == null) continue;
      int i1 = g.find(m.getValue());
      int i2 = g.find(v2);
      if (i1 < 0 || i2 < 0 || !g.has(i1, i2)) continue;
      String why = g.edges.get(VersionGraphs.pack(i1, i2));
      Object key = a.keys.get(k);
      String first = type == Edges.WW ? "{a} set key " + Render.value(key) + " to " + Render.value(m.getValue())
          : "{a} read key " + Render.value(key) + " = " + Render.value(m.getValue());
      return new Step(type,
          data("type", Edges.name(type), "key", key, "value", m.getValue(), "value'", v2,
              "a-mop-index", mopIndex(from, type == Edges.WW ? "w" : "r", k, m.getValue()), "b-mop-index", mopIndex(to, "w", k, v2)),
          first + ", and {b} set it to " + Render.value(v2) + ", which came later in its version order (" + why + ")");
    }
    return null;
  }

  private int mopIndex(int t, String f, int k, Object v) {
    List<?> mops = a.txns.mops[t];
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      if (f.equals(mop.get(0)) && a.keyIds.get(Values.norm(mop.get(1))) == k && Values.eq(mop.get(2), v)) return i;
    }
    return -1;
  }
}
