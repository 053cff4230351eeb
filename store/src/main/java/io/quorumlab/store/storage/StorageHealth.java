package io.quorumlab.store.storage;

/**
 * Whether a node's storage accepts writes, as {@code status} reports it. Times are the node's
 * wall clock in epoch milliseconds, 0 for "never".
 *
 * @param state "ok", or "failed" while writes fail (the disk is full, or an I/O error stopped the
 *     engine) and the storage is trying to recover
 * @param error the current failure's reason, or the last one's once recovered; null if none
 * @param failedSinceMs when the current failure began (0 while ok)
 * @param firstFailureMs when the first failure since the node started began
 * @param recoveredAtMs when the last failure ended (0 if none ended)
 * @param failures failures since the node started (each lasting until a recovery)
 * @param recoveries how many of them ended
 */
public record StorageHealth(String state, String error, long failedSinceMs, long firstFailureMs, long recoveredAtMs,
    long failures, long recoveries) {
  public static final String OK = "ok";
  public static final String FAILED = "failed";

  /** Storage that never failed. */
  public static final StorageHealth HEALTHY = new StorageHealth(OK, null, 0, 0, 0, 0, 0);

  public boolean failedNow() {
    return FAILED.equals(state);
  }
}
