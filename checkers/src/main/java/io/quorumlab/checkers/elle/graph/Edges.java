package io.quorumlab.checkers.elle.graph;

/**
 * Dependency edge types as bits, so that one edge between two transactions can carry several
 * (a write-write and a write-read dependency, say).
 */
public final class Edges {
  private Edges() {}

  /** Write-write: the source installed the version the target overwrote. */
  public static final int WW = 1;
  /** Write-read: the target read a version the source installed. */
  public static final int WR = 2;
  /** Read-write (anti-dependency): the source read a version the target overwrote. */
  public static final int RW = 4;
  /** The same process ran the source before the target. */
  public static final int PROCESS = 8;
  /** The source completed before the target was invoked. */
  public static final int REALTIME = 16;
  /**
   * Internal: continues a realtime edge through the auxiliary time-line vertices that encode the
   * realtime order in linear space (see {@link GraphBuilder#addRealtimeOrder}).
   */
  public static final int CHAIN = 32;

  public static final int DATA = WW | WR | RW;

  /** The mask a search uses when it may follow realtime edges: the chain comes with them. */
  public static int withChain(int mask) {
    return (mask & REALTIME) != 0 ? mask | CHAIN : mask;
  }

  public static String name(int bit) {
    return switch (bit) {
      case WW -> "ww";
      case WR -> "wr";
      case RW -> "rw";
      case PROCESS -> "process";
      case REALTIME -> "realtime";
      case CHAIN -> "chain";
      default -> throw new IllegalArgumentException("not a single edge type: " + bit);
    };
  }
}
