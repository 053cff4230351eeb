package io.quorumlab.harness.nemesis;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.RunLimits;

/**
 * A run's faults: which ones, as given ({@code --nemesis}) and as parsed, and how long each lasts
 * (and each recovery between them).
 *
 * @param text the faults as the user wrote them ("partition"), what {@code spec.json} records
 * @param faults {@code text}, parsed
 * @param intervalSeconds how long each fault lasts, and each recovery after it
 */
public record NemesisPlan(String text, NemesisSpec faults, double intervalSeconds) {

  /** @throws SpecException when the interval is out of {@link RunLimits}' bounds */
  public NemesisPlan {
    RunLimits.seconds("--nemesis-interval", intervalSeconds, RunLimits.MIN_NEMESIS_INTERVAL, RunLimits.MAX_SECONDS, "");
  }

  /** @throws SpecException when {@code text} is not a fault list or the interval is not positive */
  public static NemesisPlan of(String text, double intervalSeconds) {
    return new NemesisPlan(text, NemesisSpec.parse(text), intervalSeconds);
  }
}
