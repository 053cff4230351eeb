package io.quorumlab.harness;

/**
 * A spec, option or input that cannot be run or read, said in one line that names what is wrong.
 * Thrown wherever such a thing is found (parsers, backends, the runner); the command line turns it
 * into exit code 254 with no stack trace.
 */
public class SpecException extends RuntimeException {
  public SpecException(String message) {
    super(message);
  }
}
