package io.quorumlab.checkers.history;

import us.bpsm.edn.parser.Parseable;

/**
 * An edn-java input over text in memory that knows its current line, so that errors and ops
 * carry line numbers. (Reading from memory also spares a lock per character of a Reader.)
 */
final class LineCountingParseable implements Parseable {
  private final CharSequence text;
  private final int length;
  private int pos;
  private long line = 1;

  LineCountingParseable(CharSequence text) {
    this.text = text;
    this.length = text.length();
  }

  /** The 1-based line of the next character to be read. */
  long line() {
    return line;
  }

  @Override
  public int read() {
    if (pos >= length) {
      pos = length + 1;
      return END_OF_INPUT;
    }
    char c = text.charAt(pos++);
    if (c == '\n') line++;
    return c;
  }

  @Override
  public void unread(int ch) {
    pos--;
    if (ch == '\n') line--;
  }

  /**
   * Skips whitespace, commas and ; comments, and returns the next significant character without
   * consuming it, or END_OF_INPUT.
   */
  int peekSignificant() {
    while (true) {
      int c = read();
      if (c == END_OF_INPUT) {
        unread(c);
        return c;
      }
      if (c == ';') {
        while (c != '\n' && c != END_OF_INPUT) c = read();
        if (c == END_OF_INPUT) unread(c);
        continue;
      }
      if (c == ',' || Character.isWhitespace(c)) continue;
      unread(c);
      return c;
    }
  }

  @Override
  public void close() {
    // nothing to release
  }
}
