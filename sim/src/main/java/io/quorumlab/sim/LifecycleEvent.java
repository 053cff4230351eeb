package io.quorumlab.sim;

/**
 * A fault or lifecycle step, at its virtual time: a node started, killed, paused, resumed or
 * restarted, links cut or restored, a clock changed.
 *
 * @param timeNanos virtual time
 * @param node the node concerned ("*" for the whole network)
 * @param what what happened, in words
 */
public record LifecycleEvent(long timeNanos, String node, String what) {
  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "%d.%06d %s %s", timeNanos / 1_000_000_000, (timeNanos / 1_000) % 1_000_000, node, what);
  }
}
