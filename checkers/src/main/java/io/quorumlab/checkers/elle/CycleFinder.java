package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.elle.cycle.Deadline;
import io.quorumlab.checkers.elle.cycle.SccSearch;
import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import io.quorumlab.checkers.elle.graph.Tarjan;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits the dependency graph into strongly connected components (a cycle never leaves one) and
 * searches each non-trivial one, with a per-component budget inside the check's overall budget.
 */
final class CycleFinder {
  private CycleFinder() {}

  /** One component's outcome. */
  record Component(int txnCount, SccSearch.Result result) {}

  record Found(List<Component> components, int nontrivial, int largest) {}

  static Found find(TxnGraph g, ElleOptions options, CheckContext context, long globalDeadline, String checker) {
    Tarjan t = Tarjan.of(g.vertexCount, g.offs, g.adj, g.typ, Edges.DATA | Edges.PROCESS | Edges.REALTIME | Edges.CHAIN);
    int[] txnsIn = new int[t.count];
    for (int v = 0; v < g.txnCount; v++) txnsIn[t.comp[v]]++;
    List<Integer> cyclic = new ArrayList<>();
    int largest = 0;
    for (int c = 0; c < t.count; c++) {
      if (txnsIn[c] > 1) {
        cyclic.add(c);
        largest = Math.max(largest, txnsIn[c]);
      }
    }
    if (cyclic.isEmpty()) return new Found(List.of(), 0, 0);
    int[] start = new int[t.count + 1];
    for (int v = 0; v < g.vertexCount; v++) if (txnsIn[t.comp[v]] > 1) start[t.comp[v] + 1]++;
    for (int c = 0; c < t.count; c++) start[c + 1] += start[c];
    int[] members = new int[start[t.count]];
    int[] fill = Arrays.copyOf(start, t.count);
    for (int v = 0; v < g.vertexCount; v++) if (txnsIn[t.comp[v]] > 1) members[fill[t.comp[v]]++] = v;
    int[] localOf = new int[g.vertexCount];
    Arrays.fill(localOf, -1);
    List<Component> out = new ArrayList<>();
    long lastProgress = System.nanoTime();
    for (int i = 0; i < cyclic.size(); i++) {
      int c = cyclic.get(i);
      LocalGraph lg = LocalGraph.of(g, Arrays.copyOfRange(members, start[c], start[c + 1]), localOf);
      long now = System.nanoTime();
      long deadline = Math.min(now + options.cycleSearchBudget().toNanos(), globalDeadline);
      SccSearch.Result r = new SccSearch(lg, g.orderEdges, Deadline.at(deadline)).run();
      out.add(new Component(txnsIn[c], r));
      if (System.nanoTime() - lastProgress > 1_000_000_000L) {
        context.progress().accept(new CheckContext.Progress(checker, "components", i + 1, cyclic.size()));
        lastProgress = System.nanoTime();
      }
    }
    return new Found(out, cyclic.size(), largest);
  }
}
