package io.quorumlab.sim;

/**
 * How the simulated network carries messages between nodes and between clients and nodes. Faults
 * of single links (cuts, slowness) are set on the running simulation, not here.
 *
 * @param latency one-way latency of every message
 * @param loss probability (0..1) that a message between nodes is dropped
 * @param duplicate probability (0..1) that a message between nodes is delivered twice
 * @param reorder false: each directed link delivers in send order, as a TCP connection does;
 *     true: every message takes its own latency, so later ones may overtake earlier ones
 */
public record NetworkConfig(Latency latency, double loss, double duplicate, boolean reorder) {

  public NetworkConfig {
    if (latency == null) {
      throw new IllegalArgumentException("a network needs a latency distribution");
    }
    checkProbability("loss", loss);
    checkProbability("duplicate", duplicate);
  }

  /** Loopback-like latency, no loss, no duplicates, FIFO links. */
  public static NetworkConfig defaults() {
    return new NetworkConfig(Latency.loopback(), 0, 0, false);
  }

  public NetworkConfig withLatency(Latency value) {
    return new NetworkConfig(value, loss, duplicate, reorder);
  }

  public NetworkConfig withLoss(double value) {
    return new NetworkConfig(latency, value, duplicate, reorder);
  }

  public NetworkConfig withDuplicate(double value) {
    return new NetworkConfig(latency, loss, value, reorder);
  }

  public NetworkConfig withReorder(boolean value) {
    return new NetworkConfig(latency, loss, duplicate, value);
  }

  static void checkProbability(String what, double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(what + " must be within 0..1, not " + p);
    }
  }
}
