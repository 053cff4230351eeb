package io.quorumlab.store.transfer;

/**
 * Timing of range transfer.
 *
 * @param ackTimeoutMs how long a batch waits for its ack before it is sent again
 * @param maxResends how many times a batch is sent again before its stream is given up
 * @param stallMs how long a joiner waits for progress from a source before it asks another
 * @param settleMs how long membership news needs to spread: a joiner waits this long after its first
 *     answer from the cluster before it plans its pull, and a leaving node this long after announcing
 *     LEAVING before it computes who takes its keys
 * @param hintDrainMs how long a node that has handed its keys off waits for its hints to be delivered
 * @param gcGraceMs how long a source keeps (and forwards writes of) the keys it handed to a joiner
 *     after it sees the joiner in its ring: coordinators that have not heard yet still write to it
 */
public record TransferConfig(long ackTimeoutMs, int maxResends, long stallMs, long settleMs, long hintDrainMs,
    long gcGraceMs) {

  /** Settling and grace scaled to the gossip round: 3 rounds to settle, 10 rounds of grace. */
  public static TransferConfig forGossipInterval(long gossipIntervalMs) {
    return new TransferConfig(5_000, 6, 15_000, 3 * gossipIntervalMs, 30_000, 10 * gossipIntervalMs);
  }
}
