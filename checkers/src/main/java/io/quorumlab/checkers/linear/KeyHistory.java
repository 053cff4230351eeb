package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.Operation;
import java.util.List;

/**
 * The part of a history that one partition key owns, ready for the search.
 *
 * @param key the partition key (null for an unkeyed history)
 * @param calls the calls to linearize, in invocation order: ok and indeterminate operations
 *     (failed operations and indeterminate read-only ones are left out)
 * @param ok whether each call completed ok
 * @param entries call ids and return ids (n + id) in history order; indeterminate calls have no return
 * @param operations every client operation of the key, failed ones included, for drawing
 */
record KeyHistory(Object key, Call[] calls, boolean[] ok, int[] entries, List<Operation> operations) {

  /** Whether any call completed ok: without one, nothing about this key was observed. */
  boolean hasOkCall() {
    for (boolean b : ok) if (b) return true;
    return false;
  }

  WglSearch search(Model<?> model) {
    return new WglSearch(model, calls, ok, entries);
  }
}
