package io.quorumlab.checkers.elle.register;

import static io.quorumlab.checkers.elle.report.CaseCollector.data;

import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.report.AnomalyCase;
import io.quorumlab.checkers.elle.report.CaseCollector;
import io.quorumlab.checkers.elle.report.Render;
import java.util.ArrayList;
import java.util.List;

/** The non-cyclic rw-register anomalies, in Elle's shapes, each with a sentence. */
final class RegisterCases extends CaseCollector {

  private static List<?> mop(RwRegisterAnalyzer a, int t, int i) {
    return (List<?>) a.txns.mops[t].get(i);
  }

  private static String read(RwRegisterAnalyzer a, int t, int i) {
    List<?> mop = mop(a, t, i);
    return Render.txnRef(a.txns, t) + " read key " + Render.value(mop.get(1)) + " = " + Render.value(mop.get(2));
  }

  void g1a(RwRegisterAnalyzer a, int t, int i, int writer) {
    add(new AnomalyCase(AnomalyTypes.G1A, data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "writer", Render.txn(a.txns, writer)),
        read(a, t, i) + ", written by " + Render.txnRef(a.txns, writer) + ", which failed (aborted read)"));
  }

  void g1b(RwRegisterAnalyzer a, int t, int i, int writer) {
    add(new AnomalyCase(AnomalyTypes.G1B, data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "writer", Render.txn(a.txns, writer)),
        read(a, t, i) + ", an intermediate write of " + Render.txnRef(a.txns, writer)
            + ", which wrote that key again later in the same transaction (intermediate read)"));
  }

  void garbage(RwRegisterAnalyzer a, int t, int i) {
    add(new AnomalyCase(AnomalyTypes.GARBAGE_READ, data("op", Render.txn(a.txns, t), "mop", mop(a, t, i)),
        read(a, t, i) + ", a value no transaction ever wrote (garbage read)"));
  }

  void internal(RwRegisterAnalyzer a, int t, int i, Object expected) {
    add(new AnomalyCase(AnomalyTypes.INTERNAL, data("op", Render.txn(a.txns, t), "mop", mop(a, t, i), "expected", expected),
        read(a, t, i) + ", but its own earlier read or write of that key was " + Render.value(expected) + " (internal inconsistency)"));
  }

  void lostUpdate(RwRegisterAnalyzer a, RwRegisterAnalyzer.KeyValue kv, List<Integer> txns) {
    List<Object> ops = new ArrayList<>();
    List<String> refs = new ArrayList<>();
    for (int t : txns) {
      ops.add(Render.txn(a.txns, t));
      refs.add(Render.txnRef(a.txns, t));
    }
    Object key = a.keys.get(kv.key());
    add(new AnomalyCase(AnomalyTypes.LOST_UPDATE, data("key", key, "value", kv.value(), "txns", ops),
        "key " + Render.value(key) + ": " + String.join(" and ", refs) + " all read " + Render.value(kv.value())
            + " and then wrote it, so all but one of their updates was based on a lost state"));
  }

  void cyclicVersions(RwRegisterAnalyzer a, int k, List<Object> scc, List<String> sources) {
    Object key = a.keys.get(k);
    add(new AnomalyCase(AnomalyTypes.CYCLIC_VERSIONS, data("key", key, "scc", scc, "sources", sources),
        "key " + Render.value(key) + ": the inferences " + String.join(", ", sources) + " order its versions " + Render.value(scc)
            + " in a cycle"));
  }
}
