package io.quorumlab.harness.cli;

/** Bad arguments or input: printed as one line, exit code 254, no stack trace. */
public class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
