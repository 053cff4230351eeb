package io.quorumlab.checkers.elle.txn;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;

/**
 * A transaction the Elle checkers cannot interpret: an unknown micro-op, a list-append read whose
 * value is not a list, a value appended (or written) twice to one key. It is a malformed history,
 * so it is a {@link HistoryParseException} (exit code 254), located by the op's index and, when the
 * history was read from text, by its file and line.
 */
public final class MalformedHistoryException extends HistoryParseException {
  private final long opIndex;

  /**
   * @param history the history the op is in; its source and source lines locate the op
   * @param opIndex the {@code index} of the offending op
   */
  public MalformedHistoryException(History history, long opIndex, String reason) {
    super(history.source(), history.sourceLine(history.positionOf(opIndex)), "op index " + opIndex + ": " + reason);
    this.opIndex = opIndex;
  }

  /** The {@code index} of the offending op. */
  public long opIndex() {
    return opIndex;
  }
}
