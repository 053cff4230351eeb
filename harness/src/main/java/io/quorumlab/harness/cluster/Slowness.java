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

  /**
   * What {@link Cluster#slow(java.util.Collection, Slowness)} puts in force: each of {@code links}
   * slowed as {@code s}, none when {@code s} is {@link #NONE}. {@code requireNode} is called with
   * both ends of each link and throws for an unknown node.
   */
  public static java.util.Map<Link, Slowness> onLinks(java.util.Collection<Link> links, Slowness s,
      java.util.function.Consumer<String> requireNode) {
    java.util.Map<Link, Slowness> out = new java.util.LinkedHashMap<>();
    if (s.isNone()) return out;
    for (Link l : links) {
      requireNode.accept(l.from());
      requireNode.accept(l.to());
      out.put(l, s);
    }
    return out;
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
