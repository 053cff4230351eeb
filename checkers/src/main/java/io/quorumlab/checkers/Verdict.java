package io.quorumlab.checkers;

/** A checker's answer, with the exit code DESIGN.md assigns it. */
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

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
