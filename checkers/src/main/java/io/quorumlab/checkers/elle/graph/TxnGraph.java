package io.quorumlab.checkers.elle.graph;

/**
 * The dependency graph over transactions, in compressed sparse row form. Vertices
 * {@code 0..txnCount-1} are transactions; vertices from {@code txnCount} on are auxiliary time-line
 * vertices that carry the realtime order (see {@link GraphBuilder#addRealtimeOrder}). The out-edges
 * of {@code v} are {@code adj[offs[v]..offs[v+1])} with types {@code typ[...]}, a bit set of
 * {@link Edges}.
 */
public final class TxnGraph {
  public final int txnCount;
  public final int vertexCount;
  public final int[] offs;
  public final int[] adj;
  public final byte[] typ;
  /** Which of {@link Edges#PROCESS} and {@link Edges#REALTIME} the graph was built with. */
  public final int orderEdges;

  TxnGraph(int txnCount, int vertexCount, int[] offs, int[] adj, byte[] typ, int orderEdges) {
    this.txnCount = txnCount;
    this.vertexCount = vertexCount;
    this.offs = offs;
    this.adj = adj;
    this.typ = typ;
    this.orderEdges = orderEdges;
  }

  public boolean isTxn(int v) {
    return v < txnCount;
  }

  public int edgeCount() {
    return adj.length;
  }
}
