package io.quorumlab.checkers.elle.report;

import static io.quorumlab.checkers.elle.report.CaseCollector.data;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.txn.Txns;

/** Justifies process and realtime edges from the history's order of operations. */
public final class OrderExplainer implements EdgeExplainer {
  private final Txns txns;

  public OrderExplainer(Txns txns) {
    this.txns = txns;
  }

  @Override
  public Step explain(int a, int b, int type) {
    if (type == Edges.PROCESS) {
      return new Step(Edges.PROCESS, data("type", "process", "process", txns.process[b]),
          "process " + txns.process[b] + " performed {a} (op " + txns.opIndex(a) + ") before {b} (op " + txns.opIndex(b) + ")");
    }
    if (type == Edges.REALTIME) {
      long done = txns.completion(a).index();
      long start = txns.invoke(b).index();
      return new Step(Edges.REALTIME, data("type", "realtime", "a-completed", done, "b-invoked", start),
          "{a} completed (op " + done + ") before {b} was invoked (op " + start + ")");
    }
    return null;
  }
}
