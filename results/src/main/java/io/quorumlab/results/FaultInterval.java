package io.quorumlab.results;

/**
 * A fault in force between a nemesis {@code start-<kind>} and its matching {@code stop-<kind>}.
 *
 * @param kind "partition", "kill", "pause", "slow", ...
 * @param description what the nemesis said it did (e.g. the partition's halves), or the kind
 * @param startNanos when the fault began, history timebase
 * @param endNanos when it was healed; the end of the history (or of the heal phase) when the
 *     history holds no stop
 */
public record FaultInterval(String kind, String description, long startNanos, long endNanos) {
  public boolean overlaps(long fromNanos, long toNanos) {
    return fromNanos <= endNanos && toNanos >= startNanos;
  }

  public boolean contains(long timeNanos) {
    return timeNanos >= startNanos && timeNanos <= endNanos;
  }

  public long durationNanos() {
    return endNanos - startNanos;
  }
}
