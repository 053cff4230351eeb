package io.quorumlab.checkers;

import io.quorumlab.checkers.history.History;

/** Judges a history. Implementations are stateless and thread-safe. */
public interface Checker {
  /** Short name used on the command line and in results ("linearizable", "list-append", ...). */
  String name();

  CheckResult check(History history, CheckContext context);
}
