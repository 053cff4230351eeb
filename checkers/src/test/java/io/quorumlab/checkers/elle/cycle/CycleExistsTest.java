package io.quorumlab.checkers.elle.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cycle-exists proofs in Elle's order (elle.txn/cycle-exists-specs): the first that finds a
 * component names the weakest model the component's cycles rule out. With item anti-dependencies
 * only, repeatable read (PL-2.99) forbids the same cycles as serializability and comes first, so a
 * data cycle is proved as PL-2.99-cycle-exists, as Elle reports it.
 */
class CycleExistsTest {

  private static LocalGraph graph(int n, int[][] edges) {
    GraphBuilder gb = new GraphBuilder(n);
    for (int[] e : edges) gb.edge(e[0], e[1], e[2]);
    int[] all = new int[n];
    for (int i = 0; i < n; i++) all[i] = i;
    int[] localOf = new int[n];
    Arrays.fill(localOf, -1);
    return LocalGraph.of(gb.build(), all, localOf);
  }

  private static String firstProof(LocalGraph g) {
    for (CycleExists spec : CycleExists.SPECS) {
      if ((spec.mask() & (Edges.PROCESS | Edges.REALTIME)) != 0) continue;
      if (spec.smallestCycleComponent(g) != null) return spec.anomalyType();
    }
    return null;
  }

  @Test
  void theDataOnlyProofsAreElles() {
    assertThat(CycleExists.SPECS.stream().filter(s -> (s.mask() & (Edges.PROCESS | Edges.REALTIME)) == 0).map(CycleExists::model))
        .containsExactly("PL-1", "PL-2", "PL-SI", "PL-2.99", "PL-3");
  }

  @Test
  void writeSkewIsProvedAsRepeatableReadViolation() {
    LocalGraph g = graph(2, new int[][] {{0, 1, Edges.RW}, {1, 0, Edges.RW}});
    assertThat(firstProof(g)).isEqualTo("PL-2.99-cycle-exists");
  }

  @Test
  void readSkewIsProvedAsSnapshotIsolationViolation() {
    LocalGraph g = graph(2, new int[][] {{0, 1, Edges.RW}, {1, 0, Edges.WR}});
    assertThat(firstProof(g)).isEqualTo("PL-SI-cycle-exists");
  }

  @Test
  void noCycleNoProof() {
    assertThat(firstProof(graph(3, new int[][] {{0, 1, Edges.RW}, {1, 2, Edges.WW}}))).isNull();
  }

  @Test
  void friendlyNames() {
    assertThat(List.of(CycleExists.SPECS.get(3).friendlyModel(), CycleExists.SPECS.get(4).friendlyModel()))
        .containsExactly("repeatable-read", "serializable");
  }
}
