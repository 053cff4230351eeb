package io.quorumlab.checkers.elle.append;

import static io.quorumlab.checkers.elle.report.CaseCollector.data;

import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.report.AnomalyCase;
import io.quorumlab.checkers.elle.report.CaseCollector;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The non-cyclic list-append anomalies, in Elle's shapes, each with a sentence. */
final class Cases extends CaseCollector {

  private static List<?> mop(ListAppendAnalyzer a, int t, int i) {
    return (List<?>) a.txns.mops[t].get(i);
  }

  private static String read(ListAppendAnalyzer a, int t, int i) {
    List<?> mop = mop(a, t, i);
    return Render.txnRef(a.txns, t) + " read key " + Render.value(mop.get(1)) + " = " + Render.value(mop.get(2));
  }

  void g1a(ListAppendAnalyzer a, int t, int i, int writer, Object element) {
    add(new AnomalyCase(AnomalyTypes.G1A,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "writer", Render.txn(a.txns, writer), "element", element),
        read(a, t, i) + ", which includes " + Render.value(element) + ", appended by " + Render.txnRef(a.txns, writer)
            + ", which failed (aborted read)"));
  }

  void g1b(ListAppendAnalyzer a, int t, int i, int writer, Object element) {
    add(new AnomalyCase(AnomalyTypes.G1B,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "writer", Render.txn(a.txns, writer), "element", element),
        read(a, t, i) + ", which ends in " + Render.value(element) + ", an intermediate append of "
            + Render.txnRef(a.txns, writer) + ", which appended to that key again later in the same transaction (intermediate read)"));
  }

  void garbage(ListAppendAnalyzer a, int t, int i, List<Object> elements) {
    add(new AnomalyCase(AnomalyTypes.GARBAGE_READ,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "elements", elements),
        read(a, t, i) + ", but no transaction ever appended " + Render.value(elements.size() == 1 ? elements.get(0) : elements)
            + " to it (garbage read)"));
  }

  void duplicates(ListAppendAnalyzer a, int t, int i, List<?> v) {
    Map<Object, Long> freq = new LinkedHashMap<>();
    for (Object x : v) freq.merge(Values.norm(x), 1L, Long::sum);
    Map<String, Object> dups = new LinkedHashMap<>();
    for (Map.Entry<Object, Long> e : freq.entrySet()) if (e.getValue() > 1) dups.put(String.valueOf(e.getKey()), e.getValue());
    add(new AnomalyCase(AnomalyTypes.DUPLICATE_ELEMENTS,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "duplicates", dups),
        read(a, t, i) + ", in which " + String.join(", ", dups.keySet()) + " appear" + (dups.size() == 1 ? "s" : "")
            + " more than once, though every value was appended once"));
  }

  void incompatibleOrder(ListAppendAnalyzer a, int k, int t, List<?> v) {
    List<?> longest = a.longest[k];
    add(new AnomalyCase(AnomalyTypes.INCOMPATIBLE_ORDER,
        data("key", a.keys.get(k), "values", List.of(v, longest)),
        "key " + Render.value(a.keys.get(k)) + ": " + Render.txnRef(a.txns, t) + " read " + Render.value(v) + " and "
            + Render.txnRef(a.txns, a.longestTxn[k]) + " read " + Render.value(longest)
            + "; the first is not a prefix of the second, so no single order of appends explains both"));
  }

  void internal(ListAppendAnalyzer a, int t, int i, List<Object> expected) {
    add(new AnomalyCase(AnomalyTypes.INTERNAL,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "expected", expected),
        read(a, t, i) + ", but its own earlier reads and appends of that key imply " + Render.value(expected)
            + " (internal inconsistency)"));
  }

  void futureRead(ListAppendAnalyzer a, int t, int i, Object element) {
    add(new AnomalyCase(AnomalyTypes.FUTURE_READ,
        data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "element", element),
        read(a, t, i) + ", which includes " + Render.value(element) + ", which the same transaction appends only later"));
  }

  void lostUpdate(ListAppendAnalyzer a, ListAppendAnalyzer.LostKey key, List<Integer> txns) {
    List<Object> ops = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (int t : txns) {
      ops.add(Render.txn(a.txns, t));
      refs.add(Render.txnRef(a.txns, t));
    }
    add(new AnomalyCase(AnomalyTypes.LOST_UPDATE,
        data("key", a.keys.get(key.key()), "value", key.read(), "txns", ops),
        "key " + Render.value(a.keys.get(key.key())) + ": " + String.join(" and ", refs) + " all read "
            + Render.value(key.read()) + " and then appended to it, so all but one of their updates was based on a lost state"));
  }

  void dirtyUpdate(ListAppendAnalyzer a, int k, List<Object> values, int failed, int committed) {
    add(new AnomalyCase(AnomalyTypes.DIRTY_UPDATE,
        data("key", a.keys.get(k), "values", values, "txns", List.of(Render.txn(a.txns, failed), "...", Render.txn(a.txns, committed))),
        "key " + Render.value(a.keys.get(k)) + ": " + Render.txnRef(a.txns, failed) + " failed, yet its append survives in the versions "
            + Render.value(values) + ", the last of which " + Render.txnRef(a.txns, committed) + " committed (dirty update)"));
  }
}
