package io.quorumlab.results;

/**
 * A phase of a run: setup, load, heal, quiesce, final-reads, teardown, check.
 *
 * @param startNanos start in the history's nanosecond timebase (nanoseconds since the run started)
 * @param endNanos end in the same timebase; {@code >= startNanos}
 */
public record Phase(String name, long startNanos, long endNanos) {
  public static final String SETUP = "setup";
  public static final String LOAD = "load";
  public static final String HEAL = "heal";
  public static final String QUIESCE = "quiesce";
  public static final String FINAL_READS = "final-reads";
  public static final String TEARDOWN = "teardown";
  public static final String CHECK = "check";

  public Phase {
    if (name == null || name.isBlank()) throw new IllegalArgumentException("a phase needs a name");
    if (endNanos < startNanos) {
      throw new IllegalArgumentException("phase " + name + " ends (" + endNanos + ") before it starts (" + startNanos + ")");
    }
  }

  public long durationNanos() {
    return endNanos - startNanos;
  }

  /** Whether {@code timeNanos} falls in {@code [start, end)}. */
  public boolean contains(long timeNanos) {
    return timeNanos >= startNanos && timeNanos < endNanos;
  }
}
