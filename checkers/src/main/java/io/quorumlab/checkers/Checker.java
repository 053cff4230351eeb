package io.quorumlab.checkers;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import java.nio.file.Path;
import java.util.Optional;

/** Judges a history. Implementations are stateless and thread-safe. */
public interface Checker {
  /** Short name used on the command line and in results ("linearizable", "list-append", ...). */
  String name();

  CheckResult check(History history, CheckContext context);

  /**
   * Judges a history file without reading it as a {@link History}, when the checker has a faster
   * way for files like this one; empty when it has not, or when the file is not one it can judge
   * that way (then the caller reads the history and calls {@link #check}). Whatever it returns is
   * what {@link #check} would return for the history read from the file. The context has no out
   * dir: a checker answers here only with a result that writes no artifacts.
   *
   * @throws io.quorumlab.checkers.history.HistoryParseException when the file is bad in a way the
   *     reader would report too (a cut-off last line)
   */
  default Optional<CheckResult> checkFile(Path file, HistoryFormat format, CheckContext context) {
    return Optional.empty();
  }
}
