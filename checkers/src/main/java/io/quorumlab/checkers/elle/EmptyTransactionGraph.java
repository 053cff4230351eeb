package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.txn.Txns;

/**
 * Elle's empty-transaction-graph: the graph it checks for cycles has no edge at all, so nothing was
 * checked and the history cannot be called valid. Elle's graph has a vertex only where an edge
 * touches it: a data dependency, process order between two committed transactions of one process,
 * or (when the models need realtime) a committed transaction completing before another one, of any
 * outcome, is invoked.
 */
final class EmptyTransactionGraph {
  private EmptyTransactionGraph() {}

  static boolean holds(Txns txns, TxnGraph g) {
    for (int v = 0; v < g.txnCount; v++) {
      for (int e = g.offs[v]; e < g.offs[v + 1]; e++) {
        if ((g.typ[e] & (Edges.DATA | Edges.PROCESS)) != 0 && g.isTxn(g.adj[e])) return false;
      }
    }
    return (g.orderEdges & Edges.REALTIME) == 0 || !realtimeOrdered(txns);
  }

  /**
   * Whether some committed transaction completed before another was invoked. Elle's realtime graph
   * links into failed transactions too (they never close a cycle, but they make it non-empty);
   * not into invocations the history never completes.
   */
  private static boolean realtimeOrdered(Txns txns) {
    int firstOkCompletion = Integer.MAX_VALUE;
    int lastCompletedInvocation = -1;
    for (int t = 0; t < txns.count; t++) {
      if (txns.completePos[t] < 0) continue;
      if (txns.type[t] == Txns.OK) firstOkCompletion = Math.min(firstOkCompletion, txns.completePos[t]);
      lastCompletedInvocation = Math.max(lastCompletedInvocation, txns.invokePos[t]);
    }
    return firstOkCompletion < lastCompletedInvocation;
  }
}
