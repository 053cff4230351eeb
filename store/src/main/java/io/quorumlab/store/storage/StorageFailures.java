package io.quorumlab.store.storage;

/**
 * The failures of one storage engine over time: when writes began to fail and why, and when they
 * worked again. Thread-safe: written from the node's thread and the recovery thread, read by status.
 */
final class StorageFailures {
  private StorageHealth health = StorageHealth.HEALTHY;
  /** {@code health.failedNow()}, readable without the lock on every write. */
  private volatile boolean failing;

  /** Records a failed write; true when this starts a failure (the storage was ok until now). */
  synchronized boolean failed(String reason, long nowMs) {
    if (health.failedNow()) {
      return false;
    }
    health = new StorageHealth(StorageHealth.FAILED, reason, nowMs, health.firstFailureMs() == 0 ? nowMs : health.firstFailureMs(),
        health.recoveredAtMs(), health.failures() + 1, health.recoveries());
    failing = true;
    return true;
  }

  /** Records that writes work again; returns how long the failure lasted (ms). */
  synchronized long recovered(long nowMs) {
    assert health.failedNow() : "recovered without a failure";
    long lasted = nowMs - health.failedSinceMs();
    health = new StorageHealth(StorageHealth.OK, health.error(), 0, health.firstFailureMs(), nowMs, health.failures(),
        health.recoveries() + 1);
    failing = false;
    return lasted;
  }

  /** A write worked: if a failure was recorded, it is over (false if none was). */
  boolean wrote(long nowMs) {
    if (!failing) {
      return false;
    }
    synchronized (this) {
      if (!health.failedNow()) {
        return false;
      }
      recovered(nowMs);
      return true;
    }
  }

  synchronized StorageHealth health() {
    return health;
  }

  boolean failedNow() {
    return failing;
  }
}
