package io.quorumlab.harness;

import io.quorumlab.checkers.Verdict;

/** The exit codes of every command (docs/architecture.md): a verdict's, or bad arguments. */
public final class ExitCodes {
  public static final int VALID = Verdict.VALID.exitCode;
  public static final int INVALID = Verdict.INVALID.exitCode;
  public static final int UNKNOWN = Verdict.UNKNOWN.exitCode;
  public static final int BAD_ARGUMENTS = 254;

  private ExitCodes() {}

  /** The verdict an exit code stands for; bad arguments have none. */
  public static Verdict verdictOf(int code) {
    for (Verdict v : Verdict.values()) if (v.exitCode == code) return v;
    throw new IllegalArgumentException("exit code " + code + " is no verdict");
  }
}
