package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.LocalGraph;
import io.quorumlab.checkers.elle.graph.Tarjan;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Answers many "does {@code from} reach {@code to}?" questions in one sweep: condenses the graph
 * (restricted to a mask) to its components, then propagates bit sets of target components in
 * reverse topological order, 64 targets per machine word, in column chunks that bound memory. Cost
 * O(edges x targets / 64); used to decide exactly which read-write edges close a G-single-item
 * cycle.
 */
final class Reachability {
  private static final long WORD_BUDGET = 4L << 20; // 32 MB of bit sets per chunk

  private Reachability() {}

  /**
   * @return the queries {@code i} for which {@code from[i]} reaches {@code to[i]}
   */
  static BitSet answer(LocalGraph g, int mask, int[] from, int[] to, Deadline deadline) {
    BitSet yes = new BitSet(from.length);
    Tarjan t = g.components(mask);
    int[] comp = t.comp;
    int nc = t.count;
    int[] colOf = new int[nc];
    Arrays.fill(colOf, -1);
    int cols = 0;
    for (int q = 0; q < from.length; q++) {
      int cf = comp[from[q]];
      int ct = comp[to[q]];
      if (cf == ct) {
        yes.set(q);
      } else if (ct < cf && colOf[ct] < 0) {
        // components are numbered in reverse topological order: edges go to lower numbers
        colOf[ct] = cols++;
      }
    }
    if (cols == 0) return yes;
    int[] colComp = new int[cols];
    for (int c = 0; c < nc; c++) if (colOf[c] >= 0) colComp[colOf[c]] = c;

    // vertices grouped by component
    int[] start = new int[nc + 1];
    for (int v = 0; v < g.size; v++) start[comp[v] + 1]++;
    for (int c = 0; c < nc; c++) start[c + 1] += start[c];
    int[] members = new int[g.size];
    int[] fill = Arrays.copyOf(start, nc);
    for (int v = 0; v < g.size; v++) members[fill[comp[v]]++] = v;

    int words = (int) Math.max(1, Math.min((cols + 63) / 64, WORD_BUDGET / Math.max(1, nc)));
    int perChunk = words * 64;
    for (int c0 = 0; c0 < cols; c0 += perChunk) {
      int c1 = Math.min(cols, c0 + perChunk);
      int lowest = Integer.MAX_VALUE;
      for (int col = c0; col < c1; col++) lowest = Math.min(lowest, colComp[col]);
      long[] bits = new long[nc * words];
      for (int c = lowest; c < nc; c++) {
        deadline.check();
        int base = c * words;
        int col = colOf[c];
        if (col >= c0 && col < c1) bits[base + ((col - c0) >> 6)] |= 1L << ((col - c0) & 63);
        for (int i = start[c]; i < start[c + 1]; i++) {
          int v = members[i];
          for (int e = g.offs[v]; e < g.offs[v + 1]; e++) {
            if ((g.typ[e] & mask) == 0) continue;
            int d = comp[g.adj[e]];
            if (d == c || d < lowest) continue;
            int db = d * words;
            for (int w = 0; w < words; w++) bits[base + w] |= bits[db + w];
          }
        }
      }
      for (int q = 0; q < from.length; q++) {
        if (yes.get(q)) continue;
        int col = colOf[comp[to[q]]];
        if (col < c0 || col >= c1) continue;
        int cf = comp[from[q]];
        if (cf < lowest) continue;
        int off = col - c0;
        if ((bits[cf * words + (off >> 6)] & (1L << (off & 63))) != 0) yes.set(q);
      }
    }
    return yes;
  }
}
