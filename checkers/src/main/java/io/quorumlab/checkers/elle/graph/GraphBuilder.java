package io.quorumlab.checkers.elle.graph;

import java.util.Arrays;

/**
 * Collects typed edges and builds a {@link TxnGraph}. Data dependencies are added per target
 * transaction ({@link #beginTarget}, {@link #add}, {@link #endTarget}), which deduplicates them
 * without sorting: an inference visits each transaction once and produces all edges into it.
 */
public final class GraphBuilder {
  private final int txnCount;
  private int vertexCount;
  private int[] src;
  private int[] dst;
  private byte[] typ;
  private int size;
  private int orderEdges;

  private final int[] stamp;
  private final byte[] acc;
  private final IntList touched = new IntList();
  private int target = -1;

  public GraphBuilder(int txnCount) {
    this(txnCount, 1024);
  }

  /** @param expectedEdges a guess at the edge count, to spare regrowing large arrays */
  public GraphBuilder(int txnCount, int expectedEdges) {
    this.txnCount = txnCount;
    int cap = Math.max(16, expectedEdges);
    src = new int[cap];
    dst = new int[cap];
    typ = new byte[cap];
    this.vertexCount = txnCount;
    this.stamp = new int[txnCount];
    this.acc = new byte[txnCount];
    Arrays.fill(stamp, -1);
  }

  public void beginTarget(int t) {
    target = t;
    touched.clear();
  }

  /** An edge {@code source -> target} of {@code type}; self-edges are dropped. */
  public void add(int source, int type) {
    if (source == target || source < 0) return;
    if (stamp[source] != target) {
      stamp[source] = target;
      acc[source] = (byte) type;
      touched.add(source);
    } else {
      acc[source] |= (byte) type;
    }
  }

  public void endTarget() {
    for (int i = 0; i < touched.size(); i++) {
      int s = touched.get(i);
      edge(s, target, acc[s]);
    }
    touched.clear();
    target = -1;
  }

  /** An edge added directly, without deduplication. */
  public void edge(int from, int to, int type) {
    if (size == src.length) {
      int cap = (int) Math.min(Integer.MAX_VALUE - 16, (long) size + (size >> 1) + 16);
      src = Arrays.copyOf(src, cap);
      dst = Arrays.copyOf(dst, cap);
      typ = Arrays.copyOf(typ, cap);
    }
    src[size] = from;
    dst[size] = to;
    typ[size] = (byte) type;
    size++;
  }

  /**
   * Process order: {@code chains} lists, per process, its transactions in the order it ran them.
   * Consecutive ones are linked; the transitive rest follows by paths.
   */
  public void addProcessOrder(Iterable<int[]> chains) {
    orderEdges |= Edges.PROCESS;
    for (int[] chain : chains) {
      for (int i = 1; i < chain.length; i++) edge(chain[i - 1], chain[i], Edges.PROCESS);
    }
  }

  /**
   * Realtime order (T1 completed before T2 was invoked), in linear space: a time line of auxiliary
   * vertices, one per run of consecutive completions and one per run of consecutive invocations,
   * each linked to the next by {@link Edges#CHAIN}. A completed transaction links to its completion
   * run with a {@link Edges#REALTIME} edge; an invocation run links to each transaction invoked in
   * it by {@link Edges#CHAIN}. T1 reaches T2 through the line exactly when T1's completion precedes
   * T2's invocation, so cycles and components are those of the full realtime relation, without its
   * quadratic edge count.
   *
   * @param invokePos each transaction's invocation position in the history, or -1 to leave it out
   * @param completePos each transaction's completion position, or -1 when it never completed (info)
   * @param positions the history's length
   */
  public void addRealtimeOrder(int[] invokePos, int[] completePos, int positions) {
    orderEdges |= Edges.REALTIME;
    // event at position p: txn*2+1 for a completion, txn*2+2 for an invocation (0 = none)
    int[] event = new int[positions];
    for (int t = 0; t < txnCount; t++) {
      if (invokePos[t] < 0) continue;
      event[invokePos[t]] = t * 2 + 2;
      if (completePos[t] >= 0) event[completePos[t]] = t * 2 + 1;
    }
    int current = -1;
    boolean currentIsCompletion = false;
    for (int p = 0; p < positions; p++) {
      int e = event[p];
      if (e == 0) continue;
      int t = (e - 1) >> 1;
      boolean completion = ((e - 1) & 1) == 0;
      if (completion) {
        if (current < 0 || !currentIsCompletion) {
          int v = vertexCount++;
          if (current >= 0) edge(current, v, Edges.CHAIN);
          current = v;
          currentIsCompletion = true;
        }
        edge(t, current, Edges.REALTIME);
      } else {
        if (current < 0) continue; // nothing has completed yet: no realtime predecessor
        if (currentIsCompletion) {
          int v = vertexCount++;
          edge(current, v, Edges.CHAIN);
          current = v;
          currentIsCompletion = false;
        }
        edge(current, t, Edges.CHAIN);
      }
    }
  }

  public TxnGraph build() {
    int n = vertexCount;
    int[] offs = new int[n + 1];
    for (int i = 0; i < size; i++) offs[src[i] + 1]++;
    for (int v = 0; v < n; v++) offs[v + 1] += offs[v];
    int[] fill = Arrays.copyOf(offs, n);
    int[] adj = new int[size];
    byte[] types = new byte[size];
    for (int i = 0; i < size; i++) {
      int at = fill[src[i]]++;
      adj[at] = dst[i];
      types[at] = typ[i];
    }
    src = dst = null;
    typ = null;
    return new TxnGraph(txnCount, n, offs, adj, types, orderEdges);
  }
}
