package io.quorumlab.checkers;

import java.util.Locale;

/**
 * A checker's answer, with its process exit code (docs/architecture.md). {@link #and} is the one
 * rule for combining verdicts, used by {@code check}, {@code run}, {@code compare} and the checkers
 * alike: invalid beats unknown beats valid.
 */
public enum Verdict {
  VALID(0),
  INVALID(1),
  /** The checker gave up (budget) or could not decide; never a guess. */
  UNKNOWN(2);

  public final int exitCode;

  Verdict(int exitCode) {
    this.exitCode = exitCode;
  }

  /** Combines verdicts of parts: any invalid part makes the whole invalid, else any unknown. */
  public Verdict and(Verdict other) {
    if (this == INVALID || other == INVALID) return INVALID;
    if (this == UNKNOWN || other == UNKNOWN) return UNKNOWN;
    return VALID;
  }

  /** {@link #and} over all of them; nothing at all is valid (callers decide whether nothing is allowed). */
  public static Verdict all(Iterable<Verdict> verdicts) {
    Verdict v = VALID;
    for (Verdict each : verdicts) v = v.and(each);
    return v;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
