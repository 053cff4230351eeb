package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.history.HistoryParseException;

/**
 * A transaction the Elle checkers cannot interpret: an unknown micro-op, a list-append read whose
 * value is not a list, a value appended (or written) twice to one key. It is a malformed history,
 * so it is a {@link HistoryParseException} (exit code 254), located by the op's index and position.
 */
public final class MalformedHistoryException extends HistoryParseException {
  private final long opIndex;

  public MalformedHistoryException(long opIndex, String reason) {
    super(null, 0, "op index " + opIndex + ": " + reason);
    this.opIndex = opIndex;
  }

  /** The {@code index} of the offending op. */
  public long opIndex() {
    return opIndex;
  }
}
