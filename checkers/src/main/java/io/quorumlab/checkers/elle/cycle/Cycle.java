package io.quorumlab.checkers.elle.cycle;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.model.AnomalyTypes;
import java.util.Arrays;

/**
 * A witness cycle over transactions: {@code txns[i]} precedes {@code txns[i+1]} (cyclically) by an
 * edge of type {@code types[i]}, one {@link Edges} bit; realtime edges stand for whole paths through
 * the time line.
 *
 * @param type the anomaly type, as {@link #classify} names it
 */
public record Cycle(String type, int[] txns, int[] types) {

  public int length() {
    return txns.length;
  }

  /**
   * Elle's classification of a cycle by its edges (elle.txn/cycle-explainer): one rw edge is
   * G-single-item; several are G2-item when two are adjacent, else G-nonadjacent-item; no rw but a
   * wr is G1c; only ww is G0. A realtime edge adds "-realtime", else a process edge "-process". The
   * anti-dependencies here are all item edges (no predicate reads), so never the plain G-single,
   * G-nonadjacent or G2.
   */
  public static String classify(int[] types) {
    int rw = 0, wr = 0, ww = 0, process = 0, realtime = 0;
    boolean adjacent = false;
    int k = types.length;
    for (int i = 0; i < k; i++) {
      switch (types[i]) {
        case Edges.RW -> rw++;
        case Edges.WR -> wr++;
        case Edges.WW -> ww++;
        case Edges.PROCESS -> process++;
        case Edges.REALTIME -> realtime++;
        default -> throw new IllegalArgumentException("edge type " + types[i] + " in a cycle");
      }
      if (types[i] == Edges.RW && types[(i + 1) % k] == Edges.RW) adjacent = true;
    }
    String data;
    if (rw == 1) data = AnomalyTypes.G_SINGLE_ITEM;
    else if (rw > 1) data = adjacent ? AnomalyTypes.G2_ITEM : AnomalyTypes.G_NONADJACENT_ITEM;
    else if (wr > 0) data = "G1c";
    else if (ww > 0) data = "G0";
    else throw new IllegalStateException("a cycle of order edges only: " + Arrays.toString(types));
    return data + (realtime > 0 ? "-realtime" : process > 0 ? "-process" : "");
  }
}
