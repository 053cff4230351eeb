package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.IntList;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import io.quorumlab.checkers.elle.graph.Tarjan;
import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.model.ConsistencyModels;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Searches one strongly connected component for a short witness cycle of each anomaly type, as
 * Elle does: first the linear cycle-exists proofs, which rule out the types no cycle of the
 * component can have; then the types from most to least severe, skipping those implied by a cycle
 * already found. Each type is searched from candidate first edges that lie on a cycle of the edge
 * types it may use (a component check per type), G-single-item from exactly those read-write edges
 * that close a cycle ({@link Reachability}), G-nonadjacent-item from those on a two-state product
 * cycle. When the deadline passes, the result says which type it was searching for and still
 * carries a cycle of the weakest edge types the component has.
 */
public final class SccSearch {
  private final LocalGraph g;
  private final int orderEdges;
  private final Deadline deadline;
  private final ConstrainedBfs bfs;

  /**
   * @param orderEdges the order edges the graph has ({@link Edges#PROCESS}, {@link Edges#REALTIME})
   */
  public SccSearch(LocalGraph g, int orderEdges, Deadline deadline) {
    this.g = g;
    this.orderEdges = orderEdges;
    this.deadline = deadline;
    this.bfs = new ConstrainedBfs(g, deadline);
  }

  /** A cycle-exists proof: the model, and the transactions (global ids) of the component. */
  public record ExistsCase(CycleExists spec, int[] txns) {}

  /** The search timed out while looking for {@code specType}, after not finding {@code doesNotContain}. */
  public record Timeout(String specType, List<String> doesNotContain, int sccSize) {}

  public record Result(List<Cycle> cycles, List<ExistsCase> exists, Timeout timeout) {}

  public Result run() {
    List<ExistsCase> exists = new ArrayList<>();
    Set<String> impossibleModels = new HashSet<>();
    for (CycleExists spec : CycleExists.SPECS) {
      if (impossibleModels.contains(spec.model())) continue;
      int needed = spec.mask() & (Edges.PROCESS | Edges.REALTIME);
      if (needed != 0 && (orderEdges & needed) == 0) continue;
      int[] local = spec.smallestCycleComponent(g);
      if (local == null) continue;
      int[] txns = new int[local.length];
      for (int i = 0; i < local.length; i++) txns[i] = g.global[local[i]];
      exists.add(new ExistsCase(spec, txns));
      impossibleModels.addAll(ConsistencyModels.allImpossible(List.of(spec.model())));
    }

    Set<String> skip = new HashSet<>(impossibleCycleTypes(impossibleModels));
    List<Cycle> found = new ArrayList<>();
    List<String> searched = new ArrayList<>();
    try {
      for (CycleSpec spec : CycleSpec.all()) {
        if (spec.variant() != 0 && (orderEdges & spec.variant()) == 0) continue;
        if (skip.contains(spec.name())) continue;
        searched.add(spec.name());
        Cycle c = find(spec);
        if (c != null) {
          found.add(c);
          skip.addAll(AnomalyTypes.allImplied(List.of(spec.name())));
        }
      }
    } catch (Deadline.BudgetExceeded e) {
      List<String> doesNotContain = new ArrayList<>(searched.subList(0, Math.max(0, searched.size() - 1)));
      for (Cycle c : found) doesNotContain.remove(c.type());
      Cycle fallback = fallbackCycle();
      if (fallback != null && found.stream().noneMatch(c -> c.type().equals(fallback.type()))) found.add(fallback);
      String current = searched.isEmpty() ? null : searched.get(searched.size() - 1);
      return new Result(found, mergeExists(exists, found), new Timeout(current, doesNotContain, g.txnCount()));
    }
    return new Result(found, mergeExists(exists, found), null);
  }

  /** Cycle types proscribed by a model whose cycle-exists check found nothing: none can be here. */
  private Set<String> impossibleCycleTypes(Set<String> impossibleModels) {
    Set<String> possible = new LinkedHashSet<>();
    for (CycleExists spec : CycleExists.SPECS) {
      int needed = spec.mask() & (Edges.PROCESS | Edges.REALTIME);
      if (needed != 0 && (orderEdges & needed) == 0) continue;
      if (!impossibleModels.contains(spec.model())) possible.add(spec.model());
    }
    Set<String> result = new HashSet<>();
    if (possible.isEmpty()) return result;
    for (String a : ConsistencyModels.anomaliesProhibitedBy(possible)) {
      if (AnomalyTypes.isCycleType(a)) result.add(a);
    }
    return result;
  }

  /** Drops proofs made redundant by a concrete cycle that rules out the same model. */
  private static List<ExistsCase> mergeExists(List<ExistsCase> exists, List<Cycle> cycles) {
    if (cycles.isEmpty()) return exists;
    Set<String> types = new HashSet<>();
    for (Cycle c : cycles) types.add(c.type());
    Set<String> impossible = ConsistencyModels.impossibleModels(types);
    return exists.stream().filter(e -> !impossible.contains(e.spec().model())).toList();
  }

  /** A shortest witness of {@code spec}'s type, or null if the component has none. */
  Cycle find(CycleSpec spec) {
    Tarjan allowed = g.components(spec.mask());
    if (!allowed.hasCycle()) return null;
    int first = spec.firstEdge();
    IntList cu = new IntList();
    IntList cv = new IntList();
    for (int u = 0; u < g.size; u++) {
      if (!g.isTxn(u)) continue;
      for (int e = g.offs[u]; e < g.offs[u + 1]; e++) {
        if ((g.typ[e] & first) == 0) continue;
        int v = g.adj[e];
        if (allowed.comp[u] == allowed.comp[v] && allowed.size[allowed.comp[u]] > 1) {
          cu.add(u);
          cv.add(v);
        }
      }
    }
    if (cu.isEmpty()) return null;
    BitSet keep = null;
    if (spec.rwMode() == CycleSpec.ONE_RW) {
      // the rest of the cycle is a path v -> u without read-write edges
      keep = Reachability.answer(g, spec.mask() & ~Edges.RW, cv.toArray(), cu.toArray(), deadline);
    } else if (spec.rwMode() == CycleSpec.NONADJACENT_RW) {
      keep = onNonadjacentCycle(spec.mask(), cu, cv);
    }
    // The first witness may be long; a few more searches from other candidates usually find a
    // shorter one, which is what a person has to verify. Bounded in count and time.
    Cycle best = null;
    int extra = 0;
    long stopAt = 0;
    for (int i = 0; i < cu.size(); i++) {
      if (keep != null && !keep.get(i)) continue;
      deadline.check();
      Cycle c = bfs.search(spec, cu.get(i), cv.get(i));
      if (c == null) continue;
      if (best == null) stopAt = System.nanoTime() + SHORTER_WITNESS_NANOS;
      if (best == null || c.length() < best.length()) best = c;
      if (best.length() <= 2 || ++extra >= SHORTER_WITNESS_TRIES || System.nanoTime() - stopAt > 0) break;
    }
    return best;
  }

  private static final int SHORTER_WITNESS_TRIES = 32;
  private static final long SHORTER_WITNESS_NANOS = 100_000_000L;

  /**
   * The candidate read-write edges that lie on a closed walk in which no two read-write edges are
   * adjacent: those whose ends share a component of the two-state product graph.
   */
  private BitSet onNonadjacentCycle(int mask, IntList cu, IntList cv) {
    Tarjan t = g.productComponents(mask & ~Edges.RW);
    BitSet keep = new BitSet(cu.size());
    for (int i = 0; i < cu.size(); i++) {
      if (t.comp[2 * cu.get(i)] == t.comp[2 * cv.get(i) + 1]) keep.set(i);
    }
    return keep;
  }

  /**
   * Some cycle of the weakest edge types the component has a cycle of: ww, then ww with order
   * edges, ww+wr, ww+wr with order edges, ww+wr+rw, everything. Linear (one component check and
   * one search per projection); used when the search ran out of budget, so that the component
   * still yields the weakest anomaly it must contain.
   */
  Cycle fallbackCycle() {
    int order = orderEdges;
    int[] masks = {Edges.WW, Edges.WW | order, Edges.WW | Edges.WR, Edges.WW | Edges.WR | order, Edges.DATA,
        Edges.DATA | order};
    ConstrainedBfs unbounded = new ConstrainedBfs(g, Deadline.at(Long.MAX_VALUE));
    for (int mask : masks) {
      int full = Edges.withChain(mask);
      Tarjan t = g.components(full);
      for (int x = 0; x < g.size; x++) {
        if (!g.isTxn(x) || t.size[t.comp[x]] < 2) continue;
        for (int e = g.offs[x]; e < g.offs[x + 1]; e++) {
          int y = g.adj[e];
          int bits = g.typ[e] & full;
          if (bits == 0 || t.comp[y] != t.comp[x]) continue;
          Cycle c = unbounded.search(CycleSpec.any(mask, preferred(bits)), x, y);
          if (c != null) return c;
        }
      }
    }
    return null;
  }

  private static int preferred(int bits) {
    for (int bit : new int[] {Edges.WW, Edges.WR, Edges.PROCESS, Edges.REALTIME, Edges.CHAIN, Edges.RW}) {
      if ((bits & bit) != 0) return bit;
    }
    throw new IllegalArgumentException("no edge type in " + bits);
  }
}
