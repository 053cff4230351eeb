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

  /**
   * Components of the two-state product graph in which a read-write edge may only follow an edge of
   * {@code base} or start a walk: vertex {@code 2x} is x reached by a {@code base} edge (or the start),
   * {@code 2x+1} is x reached by a read-write edge. Its cycles are the cycles of {@code base} and
   * read-write edges with no two read-write edges adjacent.
   */
  public Tarjan productComponents(int base) {
    int[] pOffs = new int[2 * size + 1];
    for (int x = 0; x < size; x++) {
      int b = 0;
      int rw = 0;
      for (int e = offs[x]; e < offs[x + 1]; e++) {
        if ((typ[e] & base) != 0) b++;
        if ((typ[e] & Edges.RW) != 0) rw++;
      }
      pOffs[2 * x + 1] = pOffs[2 * x] + b + rw;
      pOffs[2 * x + 2] = pOffs[2 * x + 1] + b;
    }
    int[] pAdj = new int[pOffs[2 * size]];
    for (int x = 0; x < size; x++) {
      int a = pOffs[2 * x];
      int b = pOffs[2 * x + 1];
      for (int e = offs[x]; e < offs[x + 1]; e++) {
        int y = adj[e];
        if ((typ[e] & base) != 0) {
          pAdj[a++] = 2 * y;
          pAdj[b++] = 2 * y;
        }
        if ((typ[e] & Edges.RW) != 0) pAdj[a++] = 2 * y + 1;
      }
    }
    return Tarjan.of(2 * size, pOffs, pAdj, null, -1);
  }
}
