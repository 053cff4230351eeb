package io.quorumlab.checkers.history;

import java.nio.file.Path;

/**
 * A history that cannot be read or is malformed: bad syntax, an unknown type, a completion without
 * an invocation, a process with two open operations. Carries where, so that a person can fix it.
 * Unchecked so that it passes through checkers and streams; the CLI maps it to exit code 254.
 */
public class HistoryParseException extends RuntimeException {
  private final Path file;
  private final long line;
  private final String reason;

  /**
   * @param file the source file, or null when the history did not come from a file
   * @param line 1-based line number, or 0 when unknown
   * @param reason what is wrong, without the location
   */
  public HistoryParseException(Path file, long line, String reason) {
    this(file, line, reason, null);
  }

  public HistoryParseException(Path file, long line, String reason, Throwable cause) {
    super(format(file, line, reason), cause);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  /** The source file, or null. */
  public Path file() {
    return file;
  }

  /** The 1-based line number, or 0 when unknown. */
  public long line() {
    return line;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }

  /** The same problem located in {@code newFile} at {@code newLine}. */
  public HistoryParseException at(Path newFile, long newLine) {
    return new HistoryParseException(newFile, newLine, reason, getCause());
  }

  private static String format(Path file, long line, String reason) {
    StringBuilder sb = new StringBuilder();
    if (file != null) sb.append(file);
    if (line > 0) sb.append(sb.length() > 0 ? ":" : "line ").append(line);
    if (sb.length() > 0) sb.append(": ");
    return sb.append(reason).toString();
  }
}
