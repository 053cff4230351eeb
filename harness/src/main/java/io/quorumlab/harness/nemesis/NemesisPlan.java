package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.SpecException;

/**
 * A run's faults: which ones, as given ({@code --nemesis}) and as parsed, and how long each lasts
 * (and each recovery between them).
 *
 * @param text the faults as the user wrote them ("partition"), what {@code spec.json} records
 * @param faults {@code text}, parsed
 * @param intervalSeconds how long each fault lasts, and each recovery after it
 */
public record NemesisPlan(String text, NemesisSpec faults, double intervalSeconds) {

  /** @throws SpecException when the interval is not a positive number of seconds */
  public NemesisPlan {
    if (!(intervalSeconds > 0) || Double.isInfinite(intervalSeconds)) {
      throw new SpecException("--nemesis-interval must be a positive number of seconds, not " + intervalSeconds);
    }
  }

  /** @throws SpecException when {@code text} is not a fault list or the interval is not positive */
  public static NemesisPlan of(String text, double intervalSeconds) {
    return new NemesisPlan(text, NemesisSpec.parse(text), intervalSeconds);
  }
}
