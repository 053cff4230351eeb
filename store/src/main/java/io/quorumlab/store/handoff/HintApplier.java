package io.quorumlab.store.handoff;

/**
 * The owner's side of a delivery: apply one hinted value with the node's normal merge rule and make
 * it durable before returning. Must be idempotent (merging a version already held changes nothing),
 * because a hint whose ack was lost is delivered again. Throwing stops the batch; the hints applied
 * before it are acknowledged, the rest are retried.
 */
@FunctionalInterface
public interface HintApplier {
  void apply(byte[] key, byte[] value);
}
