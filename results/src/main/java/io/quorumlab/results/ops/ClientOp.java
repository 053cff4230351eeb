package io.quorumlab.results.ops;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;

/**
 * A client invocation paired with its completion.
 *
 * @param outcome OK, FAIL or INFO; INFO as well when the history ends before a completion
 * @param invokeNanos invocation time, history timebase (-1 when the history has no times)
 * @param completeNanos completion time, or -1 when the op never completed or has no time
 */
public record ClientOp(Op invoke, Op completion, OpKind kind, OpType outcome, long invokeNanos, long completeNanos) {

  public boolean completed() {
    return completion != null;
  }

  public boolean timed() {
    return invokeNanos >= 0 && completeNanos >= invokeNanos;
  }

  /** Completion minus invocation time in ns, or -1 when unknown. */
  public long latencyNanos() {
    return timed() ? completeNanos - invokeNanos : -1;
  }

  public String f() {
    return invoke.f();
  }
}
