package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.LocalGraph;
import io.quorumlab.checkers.elle.graph.Tarjan;
import io.quorumlab.checkers.elle.model.ConsistencyModels;
import java.util.ArrayList;
import java.util.List;

/**
 * Proofs that a cycle forbidden by a model exists somewhere in a component, without finding it:
 * the subgraph of the edge types the model forbids cycles of has a non-trivial strongly connected
 * component (Elle's cycle-exists specs). For snapshot isolation the subgraph is an extension: every
 * read-write edge must follow a write-write or write-read one, checked on a two-state product graph.
 * Linear time, so they stand when the search for a concrete cycle runs out of budget.
 *
 * @param model the canonical model name
 * @param mask the edge types
 * @param extension whether read-write edges may be used only right after one of {@code mask}
 */
public record CycleExists(String model, int mask, boolean extension) {

  public static final List<CycleExists> SPECS = List.of(
      new CycleExists("PL-1", Edges.WW, false),
      new CycleExists("PL-2", Edges.WW | Edges.WR, false),
      new CycleExists("PL-SI", Edges.WW | Edges.WR, true),
      // repeatable read allows only predicate anti-dependency cycles; with item ones alone (all these
      // workloads infer) its subgraph is serializability's, and coming first it names the weaker model
      new CycleExists("PL-2.99", Edges.DATA, false),
      new CycleExists("PL-3", Edges.DATA, false),
      new CycleExists("strong-session-PL-1", Edges.WW | Edges.PROCESS, false),
      new CycleExists("strong-session-PL-2", Edges.WW | Edges.WR | Edges.PROCESS, false),
      new CycleExists("strong-session-snapshot-isolation", Edges.WW | Edges.WR | Edges.PROCESS, true),
      new CycleExists("strong-session-serializable", Edges.DATA | Edges.PROCESS, false),
      new CycleExists("strong-PL-1", Edges.WW | Edges.REALTIME, false),
      new CycleExists("strong-PL-2", Edges.WW | Edges.WR | Edges.REALTIME, false),
      new CycleExists("strong-snapshot-isolation", Edges.WW | Edges.WR | Edges.REALTIME, true),
      new CycleExists("PL-SS", Edges.DATA | Edges.REALTIME, false));

  public String anomalyType() {
    return model + "-cycle-exists";
  }

  public String friendlyModel() {
    return ConsistencyModels.friendly(model);
  }

  /** Elle's rendering of the subgraph, e.g. "extension(union(ww, wr), rw)". */
  public String subgraph() {
    List<String> names = new ArrayList<>();
    for (int bit : new int[] {Edges.WW, Edges.WR, Edges.RW, Edges.PROCESS, Edges.REALTIME}) {
      if ((mask & bit) != 0) names.add(Edges.name(bit));
    }
    String union = names.size() == 1 ? names.get(0) : "union(" + String.join(", ", names) + ")";
    return extension ? "extension(" + union + ", rw)" : union;
  }

  /** The transactions (local vertices) of the smallest non-trivial component, or null if none. */
  public int[] smallestCycleComponent(LocalGraph g) {
    int m = g.size;
    int full = Edges.withChain(mask);
    Tarjan t = extension ? g.productComponents(full) : g.components(full);
    int n = extension ? 2 * m : m;
    int best = -1;
    for (int c = 0; c < t.count; c++) {
      if (t.size[c] > 1 && (best < 0 || t.size[c] < t.size[best])) best = c;
    }
    if (best < 0) return null;
    boolean[] in = new boolean[m];
    int count = 0;
    for (int v = 0; v < n; v++) {
      int x = extension ? v >> 1 : v;
      if (t.comp[v] == best && !in[x] && g.isTxn(x)) {
        in[x] = true;
        count++;
      }
    }
    int[] result = new int[count];
    int i = 0;
    for (int x = 0; x < m; x++) if (in[x]) result[i++] = x;
    return result;
  }
}
