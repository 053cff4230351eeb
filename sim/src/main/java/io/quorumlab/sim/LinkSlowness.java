package io.quorumlab.sim;

/**
 * How a slow link behaves, on top of the network's own latency. Zero fields mean "not slowed" for
 * that dimension.
 *
 * @param delayMicros added one-way latency
 * @param jitterMicros uniform jitter around {@code delayMicros} (the added latency never goes below zero)
 * @param loss probability (0..1) that a message is dropped
 * @param rateKbit bandwidth in kbit/s (messages queue behind each other on the wire), 0 for unlimited
 */
public record LinkSlowness(long delayMicros, long jitterMicros, double loss, long rateKbit) {
  public static final LinkSlowness NONE = new LinkSlowness(0, 0, 0, 0);

  public LinkSlowness {
    if (delayMicros < 0 || jitterMicros < 0 || rateKbit < 0) {
      throw new IllegalArgumentException("delay, jitter and rate must be >= 0");
    }
    NetworkConfig.checkProbability("loss", loss);
  }

  public boolean isNone() {
    return delayMicros == 0 && jitterMicros == 0 && loss == 0 && rateKbit == 0;
  }
}
