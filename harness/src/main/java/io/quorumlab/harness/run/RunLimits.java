package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import java.math.BigDecimal;

/**
 * The bounds of a run's numbers: what one machine can run, so that a typo ({@code --nodes 300},
 * {@code --time-limit 1e300}) or a value that means nothing (NaN, a negative rate) is refused with
 * the limit in the message before anything starts, rather than launching hundreds of JVMs or a run
 * that never ends. {@code run} and {@code compare} share them through {@link Runner#validate}.
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
  public static void check(RunSpec s) {
    if (s.nodes() < 1 || s.nodes() > MAX_NODES) {
      throw new SpecException("--nodes must be between 1 and " + MAX_NODES + " (each node is a JVM or container of its own), not "
          + s.nodes());
    }
    if (!(s.timeLimitSeconds() > 0 && s.timeLimitSeconds() <= MAX_SECONDS)) {
      throw new SpecException("--time-limit must be a positive number of seconds up to " + number(MAX_SECONDS) + " (a day), not "
          + number(s.timeLimitSeconds()));
    }
    if (!(s.nemesisIntervalSeconds() >= MIN_NEMESIS_INTERVAL && s.nemesisIntervalSeconds() <= MAX_SECONDS)) {
      throw new SpecException("--nemesis-interval must be between " + number(MIN_NEMESIS_INTERVAL) + " and " + number(MAX_SECONDS)
          + " seconds, not " + number(s.nemesisIntervalSeconds()));
    }
    if (!(s.rate() >= 0 && s.rate() <= MAX_RATE)) {
      throw new SpecException("--rate must be 0 (as fast as the processes can) or up to " + number(MAX_RATE) + " ops per second, not "
          + number(s.rate()));
    }
    if (s.concurrency() < 1 || s.concurrency() > MAX_CONCURRENCY) {
      throw new SpecException("--concurrency must be between 1 and " + MAX_CONCURRENCY + ", not " + s.concurrency());
    }
    if (!(s.quiesceSeconds() >= 0 && s.quiesceSeconds() <= MAX_QUIESCE)) {
      throw new SpecException("--quiesce must be between 0 and " + number(MAX_QUIESCE) + " seconds, not " + number(s.quiesceSeconds()));
    }
    if (s.requestTimeoutMs() < 1 || s.requestTimeoutMs() > MAX_REQUEST_TIMEOUT_MS) {
      throw new SpecException("--request-timeout-ms must be between 1 and " + MAX_REQUEST_TIMEOUT_MS + ", not " + s.requestTimeoutMs());
    }
  }

  /** 86400 and 0.1 rather than 86400.0 and 1.0E-1; huge, tiny, NaN and infinite values as Java spells them. */
  private static String number(double v) {
    if (!(Math.abs(v) < 1e15 && Math.abs(v) >= 1e-6) && v != 0) return Double.toString(v);
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
