package io.quorumlab.harness;

import java.math.BigDecimal;

/**
 * The bounds of a run's numbers: what one machine can run, so that a typo ({@code --nodes 300},
 * {@code --time-limit 1e300}) or a value that means nothing (NaN, a negative rate) is refused with
 * the limit in the message before anything starts, rather than launching hundreds of JVMs or a run
 * that never ends. Each part of a {@code RunSpec} checks its own numbers against these when it is
 * made; the node count depends on the backend (a backend's {@code maxNodes}).
 */
public final class RunLimits {
  /** Each node is a JVM (local) or a container (docker) with its own heap. */
  public static final int MAX_NODES = 16;
  /** A day, for the load and for each fault. */
  public static final double MAX_SECONDS = 86_400;
  /** Shorter faults are over before a killed node has even restarted. */
  public static final double MIN_NEMESIS_INTERVAL = 0.1;
  /** Far beyond what one machine's cluster answers, but still a schedule (0 means no schedule). */
  public static final double MAX_RATE = 100_000;
  /** Each process is a thread with an op in flight. */
  public static final int MAX_CONCURRENCY = 1000;
  public static final double MAX_QUIESCE = 3_600;
  public static final long MAX_REQUEST_TIMEOUT_MS = 600_000;

  private RunLimits() {}

  /**
   * @throws SpecException naming the option, its limits and the value given
   */
  public static void nodes(int nodes, int max, String why) {
    if (nodes < 1 || nodes > max) {
      throw new SpecException("--nodes must be between 1 and " + max + " (" + why + "), not " + nodes);
    }
  }

  /** Checks {@code value} lies in [{@code min}, {@code max}] (NaN never does). @throws SpecException naming the option */
  public static void seconds(String option, double value, double min, double max, String hint) {
    if (!(value >= min && value <= max)) {
      throw new SpecException(option + " must be between " + number(min) + " and " + number(max) + " seconds" + hint + ", not "
          + number(value));
    }
  }

  /** 86400 and 0.1 rather than 86400.0 and 1.0E-1; huge, tiny, NaN and infinite values as Java spells them. */
  public static String number(double v) {
    if (!(Math.abs(v) < 1e15 && Math.abs(v) >= 1e-6) && v != 0) return Double.toString(v);
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
