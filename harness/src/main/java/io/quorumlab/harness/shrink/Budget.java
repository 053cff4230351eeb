package io.quorumlab.harness.shrink;

import java.time.Duration;

/**
 * How much a shrink may spend: replays and wall time. Once either is spent the shrink stops and
 * keeps the smallest failing run it has.
 *
 * @param maxReplays runs of candidates at most
 * @param maxTime wall time at most (a candidate that is running is finished first)
 */
public record Budget(int maxReplays, Duration maxTime) {
  public static final Budget DEFAULT = new Budget(2_000, Duration.ofSeconds(60));

  public Budget {
    if (maxReplays < 1) throw new io.quorumlab.harness.SpecException("--max-replays must be at least 1, not " + maxReplays);
    if (maxTime.isNegative() || maxTime.isZero()) {
      throw new io.quorumlab.harness.SpecException("--max-seconds must be positive, not " + maxTime.toMillis() / 1e3);
    }
  }
}
