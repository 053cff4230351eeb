package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;

/**
 * Something that may have put a value in a register: a write, a cas (its new value), or the
 * register's initial value (nil), which precedes everything. Failed operations never wrote and
 * are not writers.
 *
 * @param value the value written (numbers as {@link Long})
 * @param op the write or cas; null for the initial value
 */
record Writer(Object value, Operation op) {

  static Writer initial() {
    return new Writer(null, null);
  }

  boolean isInitial() {
    return op == null;
  }

  /**
   * Everything invoked after this position follows this writer in every linearization: the
   * position of its acknowledgement; -1 for the initial value. An indeterminate (info or open)
   * write may take effect at any time after its invocation, so it precedes nothing:
   * {@link Long#MAX_VALUE}.
   */
  long orderedBefore() {
    if (isInitial()) return -1;
    return op.isOk() ? op.completeIndex() : Long.MAX_VALUE;
  }

  long invokeIndex() {
    return isInitial() ? -1 : op.invokeIndex();
  }

  /** "write 41", "cas [1 0]", "the initial value". */
  String describe() {
    if (isInitial()) return "the initial value";
    return op.f() + " " + Values.show(op.invoke().value());
  }

  /** The op that acknowledged it, or null. */
  Op ack() {
    return op != null && op.isOk() ? op.completion() : null;
  }
}
