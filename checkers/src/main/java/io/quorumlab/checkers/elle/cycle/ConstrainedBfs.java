package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.IntList;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Breadth-first search for a shortest cycle of one anomaly type through a given first edge, over
 * (vertex, search state) pairs: the state ({@link CycleSpec#step}) counts read-write edges and
 * remembers adjacency, write-read and process/realtime edges, so that each pair is visited once and
 * a search costs O(states x edges) of the component. Buffers are reused across searches.
 */
final class ConstrainedBfs {
  private final LocalGraph g;
  private final Deadline deadline;
  private final long[] visited;
  private final IntList touched = new IntList();
  private int[] qv = new int[256];
  private int[] qparent = new int[256];
  private byte[] qstate = new byte[256];
  private byte[] qtype = new byte[256];
  private int qsize;

  ConstrainedBfs(LocalGraph g, Deadline deadline) {
    this.g = g;
    this.deadline = deadline;
    this.visited = new long[g.size];
  }

  /**
   * A cycle of {@code spec}'s type that starts with the edge {@code u -> v} (taken as
   * {@code spec.firstEdge()}), as transactions and edge types, or null if there is none through it.
   * Shortest in transactions: chain edges of the time line cost nothing (a 0-1 BFS), so a realtime
   * edge spanning a long stretch of history counts as one step.
   */
  Cycle search(CycleSpec spec, int u, int v) {
    int s0 = spec.step(0, spec.firstEdge());
    if (s0 < 0) return null;
    for (int i = 0; i < touched.size(); i++) visited[touched.get(i)] = 0;
    touched.clear();
    qsize = 0;
    dequeClear();
    dequePushBack(entry(v, s0, -1, spec.firstEdge()));
    int mask = spec.mask();
    boolean closedWalk = false;
    while (dqSize > 0) {
      deadline.check();
      int en = dequePopFront();
      int x = qv[en];
      int s = qstate[en];
      if (x == u) {
        // every arrival at u is a different closed walk: try each (u is never expanded)
        if (spec.accepts(s)) {
          closedWalk = true;
          Cycle c = simplify(toCycle(en, u, spec.firstEdge()), spec);
          if (c != null) return c;
        }
        continue;
      }
      if ((visited[x] & (1L << s)) != 0) continue;
      if (visited[x] == 0) touched.add(x);
      visited[x] |= 1L << s;
      for (int e = g.offs[x]; e < g.offs[x + 1]; e++) {
        int bits = g.typ[e] & mask;
        if (bits == 0) continue;
        int w = g.adj[e];
        while (bits != 0) {
          int bit = Integer.lowestOneBit(bits);
          bits &= bits - 1;
          int s2 = spec.step(s, bit);
          if (s2 < 0 || (w != u && (visited[w] & (1L << s2)) != 0)) continue;
          int child = entry(w, s2, en, bit);
          if (bit == Edges.CHAIN) dequePushFront(child);
          else dequePushBack(child);
        }
      }
    }
    // Walks of the type close through u, but each repeats a transaction and no part of it is a
    // cycle of the type; one may still exist through this edge: look for it among simple paths.
    return closedWalk ? simplePathSearch(spec, u, v) : null;
  }

  /**
   * Depth-first search over paths v -> u that repeat no transaction, for a cycle of the spec's type
   * through u -> v. Exponential in the worst case, so only the fallback above uses it, under the
   * deadline.
   */
  private Cycle simplePathSearch(CycleSpec spec, int u, int v) {
    int mask = spec.mask();
    boolean[] onPath = new boolean[g.size];
    IntList path = new IntList();
    IntList states = new IntList();
    IntList cursor = new IntList(); // edge index * 8 + next type bit index, per depth
    IntList entered = new IntList(); // edge type that entered each path vertex
    onPath[u] = g.isTxn(u);
    path.add(v);
    states.add(spec.step(0, spec.firstEdge()));
    cursor.add(g.offs[v] * 8);
    entered.add(spec.firstEdge());
    if (g.isTxn(v)) onPath[v] = true;
    while (!path.isEmpty()) {
      deadline.check();
      int depth = path.size() - 1;
      int x = path.get(depth);
      int c = cursor.get(depth);
      int e = c >> 3;
      int b = c & 7;
      boolean moved = false;
      while (e < g.offs[x + 1] && !moved) {
        int bits = g.typ[e] & mask;
        while (b < 8 && !moved) {
          int bit = 1 << b;
          b++;
          if ((bits & bit) == 0) continue;
          int w = g.adj[e];
          int s2 = spec.step(states.get(depth), bit);
          if (s2 < 0) continue;
          if (w == u) {
            if (!spec.accepts(s2)) continue;
            int k = path.size() + 1;
            int[] verts = new int[k];
            int[] types = new int[k];
            verts[0] = u;
            types[0] = spec.firstEdge();
            for (int i = 0; i < path.size(); i++) {
              verts[i + 1] = path.get(i);
              types[i + 1] = i + 1 < path.size() ? entered.get(i + 1) : bit;
            }
            Cycle cyc = simplify(collapse(g, verts, types), spec);
            if (cyc != null) return cyc;
            continue;
          }
          if (onPath[w]) continue;
          cursor.set(depth, e * 8 + b);
          path.add(w);
          states.add(s2);
          cursor.add(g.offs[w] * 8);
          entered.add(bit);
          if (g.isTxn(w)) onPath[w] = true;
          moved = true;
        }
        if (!moved) {
          e++;
          b = 0;
        }
      }
      if (moved) continue;
      int last = path.removeLast();
      states.removeLast();
      cursor.removeLast();
      entered.removeLast();
      if (g.isTxn(last)) onPath[last] = false;
    }
    return null;
  }

  private int[] dq = new int[256];
  private int dqHead;
  private int dqSize;

  private void dequeClear() {
    dqHead = 0;
    dqSize = 0;
  }

  private void dequeGrow() {
    int[] n = new int[dq.length * 2];
    for (int i = 0; i < dqSize; i++) n[i] = dq[(dqHead + i) & (dq.length - 1)];
    dq = n;
    dqHead = 0;
  }

  private void dequePushBack(int x) {
    if (dqSize == dq.length) dequeGrow();
    dq[(dqHead + dqSize++) & (dq.length - 1)] = x;
  }

  private void dequePushFront(int x) {
    if (dqSize == dq.length) dequeGrow();
    dqHead = (dqHead - 1) & (dq.length - 1);
    dq[dqHead] = x;
    dqSize++;
  }

  private int dequePopFront() {
    int x = dq[dqHead];
    dqHead = (dqHead + 1) & (dq.length - 1);
    dqSize--;
    return x;
  }

  /** A search entry: vertex, state, the entry it was reached from, the edge type that reached it. */
  private int entry(int v, int state, int parent, int type) {
    if (qsize == qv.length) {
      int cap = qsize * 2;
      qv = Arrays.copyOf(qv, cap);
      qparent = Arrays.copyOf(qparent, cap);
      qstate = Arrays.copyOf(qstate, cap);
      qtype = Arrays.copyOf(qtype, cap);
    }
    qv[qsize] = v;
    qparent[qsize] = parent;
    qstate[qsize] = (byte) state;
    qtype[qsize] = (byte) type;
    return qsize++;
  }

  /** The walk u -first-> ... -> u ending at queue entry {@code end}, with realtime paths collapsed. */
  private Cycle toCycle(int end, int u, int firstType) {
    IntList rev = new IntList();
    IntList revTypes = new IntList();
    // entries from end back to the root; each entry's type is the edge that entered its vertex
    for (int i = end; i >= 0; i = qparent[i]) {
      rev.add(qv[i]);
      revTypes.add(qtype[i]);
    }
    int k = rev.size(); // vertices v .. u (u last in walk order == rev[0])
    int[] verts = new int[k];
    int[] types = new int[k];
    // walk order: u, v, x1, ..., x_{k-1} (then back to u); types[i] is the edge verts[i] -> verts[i+1]
    verts[0] = u;
    for (int i = 1; i < k; i++) verts[i] = rev.get(k - i);
    for (int i = 0; i < k; i++) types[i] = revTypes.get(k - 1 - i);
    return collapse(g, verts, types);
  }

  /**
   * Drops the time-line vertices: a realtime edge into the line and the chain edges after it become
   * one realtime edge between transactions. The walk must start at a transaction.
   */
  static Cycle collapse(LocalGraph g, int[] verts, int[] types) {
    IntList tx = new IntList();
    IntList ty = new IntList();
    for (int i = 0; i < verts.length; i++) {
      if (!g.isTxn(verts[i])) continue;
      tx.add(g.global[verts[i]]);
      ty.add(types[i]);
    }
    int[] t = ty.toArray();
    for (int i = 0; i < t.length; i++) {
      if (t[i] == Edges.CHAIN) throw new IllegalStateException("chain edge out of a transaction");
    }
    return new Cycle(null, tx.toArray(), t);
  }

  /**
   * Makes a closed walk a simple cycle: while a transaction repeats, splits the walk there into two
   * closed walks and keeps the one still of {@code spec}'s type. Null when neither is.
   */
  static Cycle simplify(Cycle c, CycleSpec spec) {
    int[] txns = c.txns();
    int[] types = c.types();
    while (true) {
      Map<Integer, Integer> seen = new HashMap<>();
      int i = -1, j = -1;
      for (int x = 0; x < txns.length; x++) {
        Integer prev = seen.putIfAbsent(txns[x], x);
        if (prev != null) {
          i = prev;
          j = x;
          break;
        }
      }
      if (i < 0) {
        String type = Cycle.classify(types);
        return spec.name() == null || type.equals(spec.name()) ? new Cycle(type, txns, types) : null;
      }
      int[] aTx = Arrays.copyOfRange(txns, i, j);
      int[] aTy = Arrays.copyOfRange(types, i, j);
      int k = txns.length;
      int[] bTx = new int[k - (j - i)];
      int[] bTy = new int[k - (j - i)];
      int n = 0;
      for (int x = j; x < k; x++) {
        bTx[n] = txns[x];
        bTy[n++] = types[x];
      }
      for (int x = 0; x < i; x++) {
        bTx[n] = txns[x];
        bTy[n++] = types[x];
      }
      if (matches(bTy, spec)) {
        txns = bTx;
        types = bTy;
      } else if (matches(aTy, spec)) {
        txns = aTx;
        types = aTy;
      } else {
        return null;
      }
    }
  }

  private static boolean matches(int[] types, CycleSpec spec) {
    return types.length >= 2 && (spec.name() == null || Cycle.classify(types).equals(spec.name()));
  }
}
