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
    return holds(txns.count, txns.type, txns.invokePos, txns.completePos, g);
  }

  /** {@link #holds(Txns, TxnGraph)} over the transactions' outcomes and positions. */
  static boolean holds(int count, byte[] type, int[] invokePos, int[] completePos, TxnGraph g) {
    for (int v = 0; v < g.txnCount; v++) {
      for (int e = g.offs[v]; e < g.offs[v + 1]; e++) {
        if ((g.typ[e] & (Edges.DATA | Edges.PROCESS)) != 0 && g.isTxn(g.adj[e])) return false;
      }
    }
    return (g.orderEdges & Edges.REALTIME) == 0 || !realtimeOrdered(count, type, invokePos, completePos);
  }

  /**
   * Whether some committed transaction completed before another was invoked. Elle's realtime graph
   * links into failed transactions too (they never close a cycle, but they make it non-empty);
   * not into invocations the history never completes.
   */
  private static boolean realtimeOrdered(int count, byte[] type, int[] invokePos, int[] completePos) {
    int firstOkCompletion = Integer.MAX_VALUE;
    int lastCompletedInvocation = -1;
    for (int t = 0; t < count; t++) {
      if (completePos[t] < 0) continue;
      if (type[t] == Txns.OK) firstOkCompletion = Math.min(firstOkCompletion, completePos[t]);
      lastCompletedInvocation = Math.max(lastCompletedInvocation, invokePos[t]);
    }
    return firstOkCompletion < lastCompletedInvocation;
  }
}
