package io.quorumlab.store.membership;

import io.quorumlab.store.membership.PhiAccrualDetector.Distribution;

/**
 * Gossip and failure-detection settings.
 *
 * @param intervalMs gossip round (and heartbeat) interval
 * @param fanout live peers contacted per round
 * @param phiThreshold conviction threshold
 * @param minStdDevMs floor of the inter-arrival standard deviation
 * @param acceptablePauseMs silence tolerated beyond the mean interval before phi starts to rise
 * @param maxSamples inter-arrival samples kept per peer
 * @param localPauseMs a gap this long between two of this node's own rounds means this node was
 *     paused; peers are then not convicted for the silence it caused
 * @param distribution inter-arrival model of the detector
 */
public record GossipConfig(long intervalMs, int fanout, double phiThreshold, long minStdDevMs,
    long acceptablePauseMs, int maxSamples, long localPauseMs, Distribution distribution) {

  public GossipConfig {
    if (intervalMs <= 0 || fanout <= 0 || localPauseMs <= intervalMs) {
      throw new IllegalArgumentException("invalid gossip settings: " + this);
    }
  }

  /** 1 s rounds, fanout 3, phi 8, std-dev floor 200 ms, 3 s acceptable pause, normal model. */
  public static GossipConfig defaults() {
    return new GossipConfig(1000, 3, 8.0, 200, 3000, 1000, 3000, Distribution.NORMAL);
  }

  public GossipConfig withIntervalMs(long value) {
    return new GossipConfig(value, fanout, phiThreshold, minStdDevMs, acceptablePauseMs, maxSamples,
        Math.max(localPauseMs, 3 * value), distribution);
  }

  public GossipConfig withFanout(int value) {
    return new GossipConfig(intervalMs, value, phiThreshold, minStdDevMs, acceptablePauseMs, maxSamples,
        localPauseMs, distribution);
  }

  public GossipConfig withPhiThreshold(double value) {
    return new GossipConfig(intervalMs, fanout, value, minStdDevMs, acceptablePauseMs, maxSamples,
        localPauseMs, distribution);
  }

  public GossipConfig withDistribution(Distribution value) {
    return new GossipConfig(intervalMs, fanout, phiThreshold, minStdDevMs, acceptablePauseMs, maxSamples,
        localPauseMs, value);
  }

  public PhiAccrualDetector.Settings detectorSettings() {
    // Gaps longer than the tolerated silence are outages, not rhythm.
    long maxSample = intervalMs + acceptablePauseMs;
    return new PhiAccrualDetector.Settings(phiThreshold, maxSamples, minStdDevMs, acceptablePauseMs,
        intervalMs, maxSample, distribution);
  }
}
