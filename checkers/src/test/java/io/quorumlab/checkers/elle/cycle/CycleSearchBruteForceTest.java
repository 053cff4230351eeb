package io.quorumlab.checkers.elle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On thousands of small random graphs, the search finds a cycle of a type exactly when brute-force
 * enumeration of all simple cycles (with every choice of edge type) finds one, and what it returns
 * is a simple cycle of that type made of real edges.
 */
class CycleSearchBruteForceTest {
  private static final int[] TYPES = {Edges.WW, Edges.WR, Edges.RW, Edges.PROCESS};


  @Test
  void searchMatchesEnumeration() {
    Random rnd = new Random(2024);
    int checked = 0;
    for (int round = 0; round < 3000; round++) {
      int n = 2 + rnd.nextInt(5);
      int[][] bits = new int[n][n];
      int edges = 1 + rnd.nextInt(2 * n + 2);
      for (int i = 0; i < edges; i++) {
        int a = rnd.nextInt(n), b = rnd.nextInt(n);
        if (a == b) continue;
        int type = TYPES[rnd.nextInt(TYPES.length)] | (rnd.nextInt(4) == 0 ? TYPES[rnd.nextInt(3)] : 0);
        if (a > b) type &= ~Edges.PROCESS; // process order, like time, has no cycles
        bits[a][b] |= type;
      }
      GraphBuilder gb = new GraphBuilder(n);
      for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) if (bits[a][b] != 0) gb.edge(a, b, bits[a][b]);
      TxnGraph g = gb.build();
      int[] all = new int[n];
      for (int i = 0; i < n; i++) all[i] = i;
      int[] localOf = new int[n];
      Arrays.fill(localOf, -1);
      LocalGraph lg = LocalGraph.of(g, all, localOf);
      Set<String> expected = enumerate(bits);
      SccSearch search = new SccSearch(lg, Edges.PROCESS, Deadline.at(Long.MAX_VALUE));
      for (CycleSpec spec : CycleSpec.all()) {
        if (spec.variant() == Edges.REALTIME) continue;
        Cycle c = search.find(spec);
        assertThat(c != null).as("round %d, %s in %s", round, spec.name(), Arrays.deepToString(bits))
            .isEqualTo(expected.contains(spec.name()));
        if (c != null) {
          checked++;
          assertThat(c.type()).isEqualTo(spec.name());
          assertThat(new HashSet<>(Arrays.stream(c.txns()).boxed().toList())).hasSize(c.length());
          for (int i = 0; i < c.length(); i++) {
            assertThat(bits[c.txns()[i]][c.txns()[(i + 1) % c.length()]] & c.types()[i]).isNotZero();
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void searchThroughTheRealtimeTimeLineMatchesEnumeration() {
    Random rnd = new Random(99);
    int checked = 0;
    for (int round = 0; round < 2000; round++) {
      int n = 2 + rnd.nextInt(5);
      int[][] bits = new int[n][n];
      int edges = 1 + rnd.nextInt(2 * n);
      for (int i = 0; i < edges; i++) {
        int a = rnd.nextInt(n), b = rnd.nextInt(n);
        if (a != b) bits[a][b] |= TYPES[rnd.nextInt(3)];
      }
      // random intervals over 2n positions; some transactions never complete
      int[] order = new int[2 * n];
      for (int i = 0; i < order.length; i++) order[i] = i;
      for (int i = order.length - 1; i > 0; i--) {
        int j = rnd.nextInt(i + 1);
        int x = order[i];
        order[i] = order[j];
        order[j] = x;
      }
      int[] inv = new int[n];
      int[] done = new int[n];
      for (int t = 0; t < n; t++) {
        inv[t] = Math.min(order[2 * t], order[2 * t + 1]);
        done[t] = rnd.nextInt(5) == 0 ? -1 : Math.max(order[2 * t], order[2 * t + 1]);
      }
      GraphBuilder gb = new GraphBuilder(n);
      for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) if (bits[a][b] != 0) gb.edge(a, b, bits[a][b]);
      gb.addRealtimeOrder(inv, done, 2 * n);
      TxnGraph g = gb.build();
      int[][] withRt = new int[n][n];
      for (int a = 0; a < n; a++) {
        for (int b = 0; b < n; b++) {
          withRt[a][b] = bits[a][b] | (a != b && done[a] >= 0 && done[a] < inv[b] ? Edges.REALTIME : 0);
        }
      }
      int[] all = new int[g.vertexCount];
      for (int i = 0; i < all.length; i++) all[i] = i;
      int[] localOf = new int[g.vertexCount];
      Arrays.fill(localOf, -1);
      LocalGraph lg = LocalGraph.of(g, all, localOf);
      Set<String> expected = enumerate(withRt, new int[] {Edges.WW, Edges.WR, Edges.RW, Edges.REALTIME});
      SccSearch search = new SccSearch(lg, Edges.REALTIME, Deadline.at(Long.MAX_VALUE));
      for (CycleSpec spec : CycleSpec.all()) {
        if (spec.variant() == Edges.PROCESS) continue;
        Cycle c = search.find(spec);
        assertThat(c != null).as("round %d, %s", round, spec.name()).isEqualTo(expected.contains(spec.name()));
        if (c != null) {
          checked++;
          for (int i = 0; i < c.length(); i++) {
            assertThat(withRt[c.txns()[i]][c.txns()[(i + 1) % c.length()]] & c.types()[i]).isNotZero();
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  private static Set<String> enumerate(int[][] bits) {
    return enumerate(bits, TYPES);
  }

  /** Anomaly types of every simple cycle, over every choice of type for each of its edges. */
  private static Set<String> enumerate(int[][] bits, int[] types0) {
    int n = bits.length;
    Set<String> types = new HashSet<>();
    for (int start = 0; start < n; start++) {
      dfs(bits, types0, start, start, new ArrayList<>(List.of(start)), new BitSet(), types);
    }
    return types;
  }

  private static void dfs(int[][] bits, int[] types0, int start, int v, List<Integer> path, BitSet used, Set<String> types) {
    used.set(v);
    for (int w = 0; w < bits.length; w++) {
      if (bits[v][w] == 0) continue;
      if (w == start && path.size() >= 2) {
        List<Integer> cycle = new ArrayList<>(path);
        chooseTypes(bits, types0, cycle, 0, new int[cycle.size()], types);
      } else if (w > start && !used.get(w)) {
        path.add(w);
        dfs(bits, types0, start, w, path, used, types);
        path.remove(path.size() - 1);
      }
    }
    used.clear(v);
  }

  private static void chooseTypes(int[][] bits, int[] types0, List<Integer> cycle, int i, int[] chosen, Set<String> types) {
    if (i == cycle.size()) {
      types.add(Cycle.classify(chosen));
      return;
    }
    int b = bits[cycle.get(i)][cycle.get((i + 1) % cycle.size())];
    for (int t : types0) {
      if ((b & t) == 0) continue;
      chosen[i] = t;
      chooseTypes(bits, types0, cycle, i + 1, chosen, types);
    }
  }
}
