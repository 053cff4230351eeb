package io.quorumlab.store.handoff;

/**
 * @param batchHints most hints per batch
 * @param batchBytes most bytes per batch (a single larger hint still goes alone)
 * @param ackTimeoutMs a batch not acknowledged within this is considered lost
 * @param backoffBaseMs first retry delay after a failure; doubles per consecutive failure
 * @param backoffMaxMs cap of the retry delay
 */
public record HandoffConfig(int batchHints, long batchBytes, long ackTimeoutMs, long backoffBaseMs, long backoffMaxMs) {
  public HandoffConfig {
    if (batchHints <= 0 || batchBytes <= 0 || ackTimeoutMs <= 0 || backoffBaseMs <= 0 || backoffMaxMs < backoffBaseMs) {
      throw new IllegalArgumentException("invalid handoff settings: " + this);
    }
  }

  /** 256 hints or 1 MiB per batch, 5 s ack timeout, retries from 1 s doubling up to 60 s. */
  public static HandoffConfig defaults() {
    return new HandoffConfig(256, 1 << 20, 5_000, 1_000, 60_000);
  }
}
