package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.elle.cycle.Cycle;
import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.Tarjan;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tarjan's components, the realtime time line, and cycle classification. */
class GraphAlgorithmsTest {

  @Test
  void tarjanHandlesAMillionVertexCycleWithoutRecursion() {
    int n = 1_000_000;
    GraphBuilder gb = new GraphBuilder(n, n);
    for (int v = 0; v < n; v++) gb.edge(v, (v + 1) % n, Edges.WW);
    TxnGraph g = gb.build();
    Tarjan t = Tarjan.of(g.vertexCount, g.offs, g.adj, g.typ, Edges.WW);
    assertThat(t.count).isEqualTo(1);
    assertThat(t.size[0]).isEqualTo(n);
    // the same chain without its closing edge: a million trivial components
    Tarjan none = Tarjan.of(g.vertexCount, g.offs, g.adj, g.typ, Edges.WR);
    assertThat(none.count).isEqualTo(n);
    assertThat(none.hasCycle()).isFalse();
  }

  @Test
  void tarjanAgreesWithMutualReachabilityAndNumbersTopologically() {
    Random rnd = new Random(7);
    for (int round = 0; round < 50; round++) {
      int n = 2 + rnd.nextInt(30);
      GraphBuilder gb = new GraphBuilder(n);
      boolean[][] reach = new boolean[n][n];
      int edges = rnd.nextInt(3 * n);
      for (int i = 0; i < edges; i++) {
        int a = rnd.nextInt(n), b = rnd.nextInt(n);
        if (a == b) continue;
        int type = rnd.nextBoolean() ? Edges.WW : Edges.RW;
        gb.edge(a, b, type);
        if (type == Edges.WW) reach[a][b] = true;
      }
      TxnGraph g = gb.build();
      for (int k = 0; k < n; k++) for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) reach[i][j] |= reach[i][k] && reach[k][j];
      Tarjan t = Tarjan.of(n, g.offs, g.adj, g.typ, Edges.WW);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          boolean same = i == j || (reach[i][j] && reach[j][i]);
          assertThat(t.comp[i] == t.comp[j]).isEqualTo(same);
          if (reach[i][j] && !same) assertThat(t.comp[i]).isGreaterThan(t.comp[j]);
        }
      }
    }
  }

  @Test
  void timeLineEncodesExactlyTheRealtimeOrder() {
    // random intervals; T1 -> ... -> T2 through the line iff T1 completed before T2 was invoked
    Random rnd = new Random(11);
    int n = 40;
    int positions = 2 * n;
    int[] order = new int[positions];
    for (int i = 0; i < positions; i++) order[i] = i;
    for (int i = positions - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int x = order[i];
      order[i] = order[j];
      order[j] = x;
    }
    int[] inv = new int[n];
    int[] done = new int[n];
    for (int t = 0; t < n; t++) {
      int a = order[2 * t], b = order[2 * t + 1];
      inv[t] = Math.min(a, b);
      done[t] = t % 7 == 0 ? -1 : Math.max(a, b); // some never complete
    }
    GraphBuilder gb = new GraphBuilder(n);
    gb.addRealtimeOrder(inv, done, positions);
    TxnGraph g = gb.build();
    for (int a = 0; a < n; a++) {
      boolean[] seen = new boolean[g.vertexCount];
      ArrayDeque<Integer> q = new ArrayDeque<>();
      q.add(a);
      seen[a] = true;
      while (!q.isEmpty()) {
        int v = q.poll();
        for (int e = g.offs[v]; e < g.offs[v + 1]; e++) {
          int w = g.adj[e];
          if (seen[w]) continue;
          seen[w] = true;
          if (w >= n) q.add(w); // continue through the line, not through other transactions
        }
      }
      for (int b = 0; b < n; b++) {
        boolean expected = a != b && done[a] >= 0 && done[a] < inv[b];
        assertThat(seen[b] && a != b).as("T%d -> T%d", a, b).isEqualTo(expected);
      }
    }
  }

  @Test
  void classification() {
    assertThat(Cycle.classify(new int[] {Edges.WW, Edges.WW})).isEqualTo("G0");
    assertThat(Cycle.classify(new int[] {Edges.WW, Edges.WR})).isEqualTo("G1c");
    assertThat(Cycle.classify(new int[] {Edges.WR, Edges.RW})).isEqualTo("G-single-item");
    assertThat(Cycle.classify(new int[] {Edges.RW, Edges.WR, Edges.RW, Edges.WW})).isEqualTo("G-nonadjacent-item");
    assertThat(Cycle.classify(new int[] {Edges.RW, Edges.WR, Edges.WW, Edges.RW})).as("adjacent across the wrap").isEqualTo("G2-item");
    assertThat(Cycle.classify(new int[] {Edges.RW, Edges.RW})).isEqualTo("G2-item");
    assertThat(Cycle.classify(new int[] {Edges.RW, Edges.PROCESS})).isEqualTo("G-single-item-process");
    assertThat(Cycle.classify(new int[] {Edges.WW, Edges.PROCESS, Edges.REALTIME})).isEqualTo("G0-realtime");
  }
}
