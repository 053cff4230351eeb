package io.quorumlab.checkers.elle.append;

import static io.quorumlab.checkers.elle.report.CaseCollector.data;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.report.EdgeExplainer;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.report.Step;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.List;

/** Justifies list-append dependencies from the reads that reveal each key's order of appends. */
final class ListAppendExplainer implements EdgeExplainer {
  private final ListAppendAnalyzer a;

  ListAppendExplainer(ListAppendAnalyzer a) {
    this.a = a;
  }

  @Override
  public Step explain(int from, int to, int type) {
    return switch (type) {
      case Edges.WR -> wr(from, to);
      case Edges.WW -> ww(from, to);
      case Edges.RW -> rw(from, to);
      default -> null;
    };
  }

  private Step wr(int w, int r) {
    List<?> mops = a.txns.mops[r];
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      if (!"r".equals(mop.get(0)) || !(mop.get(2) instanceof List<?> l) || l.isEmpty()) continue;
      int k = key(mop);
      Object last = l.get(l.size() - 1);
      int e = a.el.find(k, last);
      if (e < 0 || a.el.writer[e] != w) continue;
      return new Step(Edges.WR,
          data("type", "wr", "key", a.keys.get(k), "value", last, "a-mop-index", a.el.writerMop[e], "b-mop-index", i),
          "{b} read key " + Render.value(a.keys.get(k)) + " = " + Render.value(l) + ", which includes {a}'s append of "
              + Render.value(last));
    }
    return null;
  }

  private Step ww(int w1, int w2) {
    List<?> mops = a.txns.mops[w2];
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      if (!"append".equals(mop.get(0))) continue;
      int k = key(mop);
      int e = a.el.find(k, mop.get(2));
      int prev = a.prevSlot(k, e);
      if (prev == a.base[k]) continue;
      int pe = a.slotEid[prev];
      if (a.el.writer[pe] != w1) continue;
      Object before = a.el.value[pe];
      String proof = "the longest read of key " + Render.value(a.keys.get(k)) + " (" + Render.txnRef(a.txns, a.longestTxn[a.el.key[pe]]) + ") is "
          + Render.value(a.longest[k]);
      String because = a.el.pos[e] >= 0
          ? "{b} appended " + Render.value(mop.get(2)) + " right after {a}'s append of " + Render.value(before) + " to key "
              + Render.value(a.keys.get(k)) + ": " + proof
          : "{b}'s append of " + Render.value(mop.get(2)) + " to key " + Render.value(a.keys.get(k))
              + " was never read, so it came after " + Render.value(before) + ", the last element any read saw, which {a} appended ("
              + proof + ")";
      return new Step(Edges.WW,
          data("type", "ww", "key", a.keys.get(k), "value", before, "value'", mop.get(2), "a-mop-index", a.el.writerMop[pe],
              "b-mop-index", i),
          because);
    }
    return null;
  }

  private Step rw(int reader, int writer) {
    List<?> mops = a.txns.mops[writer];
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      if (!"append".equals(mop.get(0))) continue;
      int k = key(mop);
      int e = a.el.find(k, mop.get(2));
      int prev = a.prevSlot(k, e);
      int readIndex = readOf(reader, k, prev);
      if (readIndex < 0) continue;
      Object raw = ((List<?>) a.txns.mops[reader].get(readIndex)).get(2);
      List<?> seen = raw == null ? List.of() : (List<?>) raw;
      Object before = prev == a.base[k] ? null : a.el.value[a.slotEid[prev]];
      String appended = "{b}'s append of " + Render.value(mop.get(2));
      String because;
      if (before == null) {
        because = "{a} read key " + Render.value(a.keys.get(k)) + " = " + Render.value(raw) + " (the initial state), which does not include "
            + appended;
      } else {
        because = "{a} read key " + Render.value(a.keys.get(k)) + " = " + Render.value(seen) + ", which does not include " + appended
            + (a.el.pos[e] >= 0 ? ", the next element after " + Render.value(before)
                : ", which was never read and so came after " + Render.value(before) + ", the last element any read saw");
      }
      return new Step(Edges.RW,
          data("type", "rw", "key", a.keys.get(k), "value", before == null ? "init" : before, "value'", mop.get(2),
              "a-mop-index", readIndex, "b-mop-index", i),
          because);
    }
    return null;
  }

  /** The index of a read of key k by {@code t} that observed slot {@code slot}, or -1. */
  private int readOf(int t, int k, int slot) {
    List<?> mops = a.txns.mops[t];
    for (int i = 0; i < mops.size(); i++) {
      List<?> mop = (List<?>) mops.get(i);
      if (!"r".equals(mop.get(0)) || key(mop) != k) continue;
      Object raw = mop.get(2);
      if (raw == null && a.txns.type[t] != Txns.OK) continue;
      List<?> v = raw == null ? List.of() : (List<?>) raw;
      List<?> lk = a.longest[k];
      boolean compatible = v.isEmpty() || (lk != null && v.size() <= lk.size() && Values.isPrefix(v, lk));
      if (a.readSlot(k, v, compatible) == slot) return i;
    }
    return -1;
  }

  private int key(List<?> mop) {
    return a.keyIds.get(Values.norm(mop.get(1)));
  }
}
