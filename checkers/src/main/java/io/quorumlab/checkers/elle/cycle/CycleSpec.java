package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.model.AnomalyTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cycle of one anomaly type may consist of (after Elle's cycle-anomaly-specs and Adya's
 * definitions): which edge types it may use, how many read-write edges it has and whether two may
 * be adjacent, whether it needs a write-read edge, and whether it needs a process or realtime edge
 * (the "-process" and "-realtime" variants).
 *
 * @param name the anomaly type, e.g. "G-single-item-realtime"
 * @param mask edge types the cycle may use
 * @param rwMode {@link #NO_RW}, {@link #ONE_RW}, {@link #NONADJACENT_RW} or {@link #ADJACENT_RW}
 * @param requireWr at least one write-read edge (G1c)
 * @param variant {@link Edges#PROCESS} or {@link Edges#REALTIME} when at least one such edge is
 *     required, else 0
 * @param firstEdge the edge type a witness is rotated to start with
 */
public record CycleSpec(String name, int mask, int rwMode, boolean requireWr, int variant, int firstEdge) {
  /** No read-write edge: G0, G1c. */
  public static final int NO_RW = 0;
  /** Exactly one: G-single-item. */
  public static final int ONE_RW = 1;
  /** Two or more, no two adjacent (cyclically): G-nonadjacent-item. */
  public static final int NONADJACENT_RW = 2;
  /** Two or more, some two adjacent: G2-item. */
  public static final int ADJACENT_RW = 3;
  /** Any number: a spec for "some cycle of these edge types", whatever its anomaly type. */
  public static final int ANY_RW = 4;

  /** Any cycle over {@code mask} starting with an edge of type {@code firstEdge}; name null. */
  public static CycleSpec any(int mask, int firstEdge) {
    return new CycleSpec(null, Edges.withChain(mask), ANY_RW, false, 0, firstEdge);
  }

  /** All cyclic anomaly specs in search order: the bases, then -process, then -realtime. */
  public static List<CycleSpec> all() {
    List<CycleSpec> specs = new ArrayList<>();
    for (int variant : new int[] {0, Edges.PROCESS, Edges.REALTIME}) {
      for (String base : AnomalyTypes.CYCLE_BASES) specs.add(of(base, variant));
    }
    return specs;
  }

  public static CycleSpec of(String base, int variant) {
    String suffix = variant == 0 ? "" : variant == Edges.PROCESS ? "process" : "realtime";
    String name = AnomalyTypes.withVariant(base, suffix);
    int mask;
    int rwMode;
    int first;
    switch (base) {
      case AnomalyTypes.G0 -> {
        mask = Edges.WW;
        rwMode = NO_RW;
        first = variant == 0 ? Edges.WW : variant;
      }
      case AnomalyTypes.G1C -> {
        mask = Edges.WW | Edges.WR;
        rwMode = NO_RW;
        first = Edges.WR;
      }
      case AnomalyTypes.G_SINGLE_ITEM -> {
        mask = Edges.DATA;
        rwMode = ONE_RW;
        first = Edges.RW;
      }
      case AnomalyTypes.G_NONADJACENT_ITEM -> {
        mask = Edges.DATA;
        rwMode = NONADJACENT_RW;
        first = Edges.RW;
      }
      case AnomalyTypes.G2_ITEM -> {
        mask = Edges.DATA;
        rwMode = ADJACENT_RW;
        first = Edges.RW;
      }
      default -> throw new IllegalArgumentException("not a cyclic anomaly base: " + base);
    }
    return new CycleSpec(name, Edges.withChain(mask | variant), rwMode, base.equals(AnomalyTypes.G1C), variant, first);
  }

  // Search state, 6 bits: rw count (0, 1, 2 = two or more), last edge rw, two adjacent rw seen,
  // a wr seen, a variant edge seen.
  static final int COUNT = 3;
  static final int LAST_RW = 4;
  static final int ADJ = 8;
  static final int SAW_WR = 16;
  static final int SAW_VARIANT = 32;

  /** The state after following an edge of type {@code bit} from {@code state}, or -1 if illegal. */
  int step(int state, int bit) {
    switch (bit) {
      case Edges.CHAIN:
        return state;
      case Edges.WW:
        return state & ~LAST_RW;
      case Edges.WR:
        return (state & ~LAST_RW) | SAW_WR;
      case Edges.PROCESS:
      case Edges.REALTIME:
        return (state & ~LAST_RW) | SAW_VARIANT;
      case Edges.RW: {
        int count = state & COUNT;
        boolean last = (state & LAST_RW) != 0;
        switch (rwMode) {
          case NO_RW:
            return -1;
          case ONE_RW:
            return count >= 1 ? -1 : (state | LAST_RW) + 1;
          case ANY_RW:
            return (state & ~COUNT) | Math.min(count + 1, 2) | LAST_RW;
          case NONADJACENT_RW:
            if (last) return -1;
            return (state & ~COUNT) | Math.min(count + 1, 2) | LAST_RW;
          default:
            return (state & ~COUNT) | Math.min(count + 1, 2) | LAST_RW | (last ? ADJ : 0);
        }
      }
      default:
        return -1;
    }
  }

  /** Whether a walk that started with an edge of type {@link #firstEdge} may close in {@code state}. */
  boolean accepts(int state) {
    boolean wrapAdjacent = firstEdge == Edges.RW && (state & LAST_RW) != 0;
    int count = state & COUNT;
    boolean ok = switch (rwMode) {
      case NO_RW -> count == 0;
      case ONE_RW -> count == 1;
      case NONADJACENT_RW -> count >= 2 && !wrapAdjacent;
      case ANY_RW -> true;
      default -> count >= 2 && ((state & ADJ) != 0 || wrapAdjacent);
    };
    if (requireWr && (state & SAW_WR) == 0) return false;
    if (variant != 0 && (state & SAW_VARIANT) == 0) return false;
    return ok;
  }
}
