package io.quorumlab.checkers.elle.graph;

import java.util.Arrays;

/**
 * Strongly connected components by Tarjan's algorithm, iteratively (an explicit call stack, so a
 * component of a million transactions does not overflow the thread's stack). Components are
 * numbered in the order Tarjan completes them, which is a reverse topological order of the
 * condensation: an edge between two components always goes from a higher number to a lower one.
 */
public final class Tarjan {
  /** Component of each vertex. */
  public final int[] comp;
  /** Number of components. */
  public final int count;
  /** Size of each component. */
  public final int[] size;

  private Tarjan(int[] comp, int count, int[] size) {
    this.comp = comp;
    this.count = count;
    this.size = size;
  }

  /** The components of the graph restricted to edges whose types intersect {@code mask}. */
  public static Tarjan of(int n, int[] offs, int[] adj, byte[] typ, int mask) {
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    Arrays.fill(index, -1);
    Arrays.fill(comp, -1);
    int[] sccStack = new int[n];
    int sccTop = 0;
    int[] callV = new int[n];
    int[] callE = new int[n];
    int counter = 0;
    int c = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] != -1) continue;
      int sp = 0;
      index[root] = low[root] = counter++;
      sccStack[sccTop++] = root;
      callV[sp] = root;
      callE[sp] = offs[root];
      sp++;
      while (sp > 0) {
        int v = callV[sp - 1];
        int e = callE[sp - 1];
        int end = offs[v + 1];
        boolean descended = false;
        while (e < end) {
          int w = adj[e];
          int t = typ == null ? -1 : typ[e];
          e++;
          if ((t & mask) == 0) continue;
          if (index[w] == -1) {
            callE[sp - 1] = e;
            index[w] = low[w] = counter++;
            sccStack[sccTop++] = w;
            callV[sp] = w;
            callE[sp] = offs[w];
            sp++;
            descended = true;
            break;
          } else if (comp[w] == -1 && index[w] < low[v]) {
            low[v] = index[w];
          }
        }
        if (descended) continue;
        if (low[v] == index[v]) {
          int w;
          do {
            w = sccStack[--sccTop];
            comp[w] = c;
          } while (w != v);
          c++;
        }
        sp--;
        if (sp > 0) {
          int u = callV[sp - 1];
          if (low[v] < low[u]) low[u] = low[v];
        }
      }
    }
    int[] size = new int[c];
    for (int v = 0; v < n; v++) size[comp[v]]++;
    return new Tarjan(comp, c, size);
  }

  /** Whether some component has two or more vertices, i.e. the graph has a cycle. */
  public boolean hasCycle() {
    for (int s : size) if (s > 1) return true;
    return false;
  }
}
