package io.quorumlab.harness.cli;

/** DESIGN.md's exit codes. */
public final class ExitCodes {
  public static final int VALID = 0;
  public static final int INVALID = 1;
  public static final int UNKNOWN = 2;
  public static final int BAD_ARGUMENTS = 254;

  private ExitCodes() {}
}
