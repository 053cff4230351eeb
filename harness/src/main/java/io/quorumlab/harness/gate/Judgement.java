package io.quorumlab.harness.gate;

/**
 * Whether a configuration met its expectation, and a one-line reason a person can act on.
 *
 * @param passed true when the expectation holds
 * @param message "expected valid, but ..." and the like, without a PASS/FAIL prefix
 */
public record Judgement(boolean passed, String message) {
  public String line() {
    return (passed ? "PASS: " : "FAIL: ") + message;
  }
}
