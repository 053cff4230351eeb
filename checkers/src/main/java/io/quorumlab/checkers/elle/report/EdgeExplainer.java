package io.quorumlab.checkers.elle.report;

/** Justifies data dependency edges (ww, wr, rw) from what the transactions observed. */
public interface EdgeExplainer {
  /** Why transaction {@code a} precedes {@code b} by an edge of {@code type}; null if it cannot say. */
  Step explain(int a, int b, int type);
}
