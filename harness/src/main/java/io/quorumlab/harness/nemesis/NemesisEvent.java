package io.quorumlab.harness.nemesis;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.Map;

/**
 * A fault transition as Jepsen records it: an {@link Phase#INVOKE} when the nemesis begins to act
 * and a {@link Phase#COMPLETE} when it is done, both {@code info} ops of the nemesis process.
 *
 * @param phase invoke or complete
 * @param f {@code start-<kind>}, {@code stop-<kind>} or {@code heal}
 * @param value what was done (null on invoke): the grudge, the nodes, what could not be injected
 * @param nanos when it happened, on the run's clock ({@link io.quorumlab.harness.time.EventLoop#nanos})
 * @param error why the action failed (it may have been partly applied), or null
 */
public record NemesisEvent(Phase phase, String f, String value, long nanos, String error) {

  public enum Phase { INVOKE, COMPLETE }

  /** The fault kind ("partition" for "start-partition"), or null for a heal. */
  public String kind() {
    if (f.startsWith("start-")) return f.substring(6);
    if (f.startsWith("stop-")) return f.substring(5);
    return null;
  }

  /** The history op of this event. */
  public Op toOp(long index) {
    return new Op(index, nanos, Op.NEMESIS, OpType.INFO, f, null, value, null, error, Map.of());
  }
}
