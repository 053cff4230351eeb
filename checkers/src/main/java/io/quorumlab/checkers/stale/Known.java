package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;

/**
 * When a write's effect first became certain before a moment in the history: at its
 * acknowledgement, or at the completion of an op that observed its value (a read that returned it,
 * a cas that matched it) when it is the only writer of that value.
 *
 * @param at the acknowledgement or the observer's completion
 * @param observer the observing read or cas; null when known by acknowledgement
 */
record Known(Writer writer, Op at, Operation observer) {

  long atIndex() {
    return at.index();
  }

  /** "acknowledged", "read" or "cas", for the JSON details. */
  String how() {
    return observer == null ? "acknowledged" : observer.f();
  }

  static Known earlier(Known a, Known b) {
    return a.atIndex() <= b.atIndex() ? a : b;
  }
}
