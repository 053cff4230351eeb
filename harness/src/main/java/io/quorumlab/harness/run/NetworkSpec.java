package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated network of a run (only a backend that simulates its network takes one; the real
 * backends use the machine's): one-way latency of every message, and the probabilities that a
 * message between nodes is lost or delivered twice, and whether messages on one link may overtake
 * each other. Faults of single links (partitions, slow links) come from the nemesis, not from here.
 *
 * @param latency the latency distribution
 * @param loss probability (0..1) that a message between nodes is lost
 * @param duplicate probability (0..1) that a message between nodes is delivered twice
 * @param reorder false: each link delivers in send order, as TCP does; true: each message takes its own latency
 */
public record NetworkSpec(LatencySpec latency, double loss, double duplicate, boolean reorder) {

  /** Loopback-like latency, nothing lost or duplicated, links in order. */
  public static final NetworkSpec DEFAULT = new NetworkSpec(LatencySpec.LOOPBACK, 0, 0, false);

  /** @throws SpecException naming the option out of range */
  public NetworkSpec {
    if (latency == null) throw new SpecException("--latency is empty");
    probability("--loss", loss);
    probability("--duplicate", duplicate);
  }

  private static void probability(String option, double p) {
    if (!(p >= 0 && p <= 1)) throw new SpecException(option + " must be a probability between 0 and 1, not " + p);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("latency", latency.toString());
    m.put("loss", loss);
    m.put("duplicate", duplicate);
    m.put("reorder", reorder);
    return m;
  }

  /** The network {@code spec.json} records, or null when it records none (a run on real machines). */
  static NetworkSpec fromMap(SpecMap s) {
    if (!s.map().containsKey("latency")) return null;
    Object reorder = s.map().get("reorder");
    return new NetworkSpec(LatencySpec.parse(s.str("latency", DEFAULT.latency.toString())), s.number("loss", 0),
        s.number("duplicate", 0), reorder == null ? DEFAULT.reorder : Boolean.parseBoolean(reorder.toString()));
  }
}
