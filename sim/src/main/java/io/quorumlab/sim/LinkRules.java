package io.quorumlab.sim;

/**
 * The faults in force on directed links between nodes: cuts (a partition is a set of cuts) and
 * slowness. Rows are allocated only for senders that have a faulty link, so a large cluster with
 * few faults costs little.
 */
final class LinkRules {

  /** One directed link's faults, and its wire's state when it is rate-limited. */
  static final class Rule {
    boolean cut;
    LinkSlowness slowness = LinkSlowness.NONE;
    /** When the rate-limited wire is free again (virtual nanos). */
    long wireFreeAt;

    boolean isEmpty() {
      return !cut && slowness.isNone();
    }
  }

  private final Rule[][] rows;
  private int cuts;

  LinkRules(int nodes) {
    rows = new Rule[nodes][];
  }

  /** The faults of {@code from -> to}, or null when it has none. */
  Rule get(int from, int to) {
    Rule[] row = rows[from];
    return row == null ? null : row[to];
  }

  boolean isCut(int from, int to) {
    if (cuts == 0) {
      return false;
    }
    Rule r = get(from, to);
    return r != null && r.cut;
  }

  void setCut(int from, int to, boolean cut) {
    Rule r = cut ? obtain(from, to) : get(from, to);
    if (r == null || r.cut == cut) {
      return;
    }
    r.cut = cut;
    cuts += cut ? 1 : -1;
    release(from, to, r);
  }

  void setSlowness(int from, int to, LinkSlowness slowness) {
    Rule r = slowness.isNone() ? get(from, to) : obtain(from, to);
    if (r == null) {
      return;
    }
    r.slowness = slowness;
    release(from, to, r);
  }

  /** Restores every link: its cut when {@code clearCuts}, else its slowness. */
  void clear(boolean clearCuts) {
    for (int from = 0; from < rows.length; from++) {
      Rule[] row = rows[from];
      if (row == null) {
        continue;
      }
      for (int to = 0; to < row.length; to++) {
        if (row[to] != null) {
          if (clearCuts) {
            setCut(from, to, false);
          } else {
            setSlowness(from, to, LinkSlowness.NONE);
          }
        }
      }
    }
  }

  int cutCount() {
    return cuts;
  }

  private Rule obtain(int from, int to) {
    Rule[] row = rows[from];
    if (row == null) {
      row = rows[from] = new Rule[rows.length];
    }
    Rule r = row[to];
    if (r == null) {
      r = row[to] = new Rule();
    }
    return r;
  }

  private void release(int from, int to, Rule r) {
    if (r.isEmpty()) {
      rows[from][to] = null;
    }
  }
}
