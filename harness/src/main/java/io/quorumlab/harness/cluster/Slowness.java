package io.quorumlab.harness.cluster;

/**
 * How a slow link behaves. Zero fields mean "not slowed" for that dimension.
 *
 * @param delayMs added one-way latency
 * @param jitterMs uniform jitter around {@code delayMs} (never below zero)
 * @param loss probability (0..1) that a frame (local) or packet (docker) is dropped
 * @param rateKbit bandwidth limit in kbit/s, 0 for none
 */
public record Slowness(long delayMs, long jitterMs, double loss, long rateKbit) {
  public static final Slowness NONE = new Slowness(0, 0, 0, 0);

  public Slowness {
    if (delayMs < 0 || jitterMs < 0 || rateKbit < 0) throw new IllegalArgumentException("delay, jitter and rate must be >= 0");
    if (!(loss >= 0 && loss <= 1)) throw new IllegalArgumentException("loss must be within 0..1, not " + loss);
  }

  public boolean isNone() {
    return delayMs == 0 && jitterMs == 0 && loss == 0 && rateKbit == 0;
  }

  @Override
  public String toString() {
    if (isNone()) return "none";
    StringBuilder s = new StringBuilder();
    if (delayMs > 0 || jitterMs > 0) s.append("delay ").append(delayMs).append("ms±").append(jitterMs).append("ms ");
    if (loss > 0) s.append("loss ").append(Math.round(loss * 1000) / 10.0).append("% ");
    if (rateKbit > 0) s.append("rate ").append(rateKbit).append("kbit ");
    return s.toString().strip();
  }
}
