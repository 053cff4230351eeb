package io.quorumlab.checkers.elle.graph;

/**
 * One strongly connected component of a {@link TxnGraph}, re-indexed {@code 0..size-1} with only the
 * edges inside it, so that searches in a small component cost in proportion to the component.
 */
public final class LocalGraph {
  public final int size;
  /** Local vertex -> vertex of the full graph. */
  public final int[] global;
  public final int[] offs;
  public final int[] adj;
  public final byte[] typ;
  private final int txnCount;

  private LocalGraph(int[] global, int[] offs, int[] adj, byte[] typ, int txnCount) {
    this.size = global.length;
    this.global = global;
    this.offs = offs;
    this.adj = adj;
    this.typ = typ;
    this.txnCount = txnCount;
  }

  /**
   * @param members the component's vertices in the full graph
   * @param localOf scratch of the full graph's size, all -1; left all -1 again
   */
  public static LocalGraph of(TxnGraph g, int[] members, int[] localOf) {
    int m = members.length;
    for (int i = 0; i < m; i++) localOf[members[i]] = i;
    int[] offs = new int[m + 1];
    for (int i = 0; i < m; i++) {
      int v = members[i];
      int n = 0;
      for (int e = g.offs[v]; e < g.offs[v + 1]; e++) if (localOf[g.adj[e]] >= 0) n++;
      offs[i + 1] = offs[i] + n;
    }
    int[] adj = new int[offs[m]];
    byte[] typ = new byte[offs[m]];
    for (int i = 0; i < m; i++) {
      int v = members[i];
      int at = offs[i];
      for (int e = g.offs[v]; e < g.offs[v + 1]; e++) {
        int w = localOf[g.adj[e]];
        if (w >= 0) {
          adj[at] = w;
          typ[at] = g.typ[e];
          at++;
        }
      }
    }
    for (int v : members) localOf[v] = -1;
    return new LocalGraph(members, offs, adj, typ, g.txnCount);
  }

  public boolean isTxn(int local) {
    return global[local] < txnCount;
  }

  public int txnCount() {
    int n = 0;
    for (int v : global) if (v < txnCount) n++;
    return n;
  }

  public Tarjan components(int mask) {
    return Tarjan.of(size, offs, adj, typ, mask);
  }
}
