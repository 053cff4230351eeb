package io.quorumlab.workloads;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.store.client.StoreException;

/**
 * How an invocation ended: the type, value and error of the history's completion line.
 *
 * @param type OK, FAIL (certainly had no effect) or INFO (may have had an effect)
 * @param value what the op observed or wrote (the invocation's value for writes)
 * @param error a short reason for FAIL and INFO, else null
 */
public record Completion(OpType type, Object value, String error) {

  public Completion {
    if (type == OpType.INVOKE) throw new IllegalArgumentException("a completion cannot be an invoke");
  }

  public static Completion ok(Object value) {
    return new Completion(OpType.OK, value, null);
  }

  public static Completion fail(Object value, String error) {
    return new Completion(OpType.FAIL, value, error);
  }

  public static Completion info(Object value, String error) {
    return new Completion(OpType.INFO, value, error);
  }

  /**
   * The completion of an op that failed with {@code e}. {@code mayHaveWritten} says whether the
   * failing request could have changed the store: an error on the get half of a get-then-put, or on
   * a read, changed nothing and is a definite {@code fail} whatever the exception says.
   */
  public static Completion of(StoreException e, Object value, boolean mayHaveWritten) {
    String error = errorName(e);
    return mayHaveWritten && e.mayHaveApplied() ? info(value, error) : fail(value, error);
  }

  /** "indeterminate: timed out after 1000 ms", "unavailable: ...": kind first, for grouping. */
  public static String errorName(StoreException e) {
    String kind = e.getClass().getSimpleName().replace("Exception", "").toLowerCase(java.util.Locale.ROOT);
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }
}
