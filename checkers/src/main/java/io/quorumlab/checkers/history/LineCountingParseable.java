package io.quorumlab.checkers.history;

import java.io.IOException;
import java.io.Reader;
import us.bpsm.edn.parser.Parseable;

/** An edn-java input that knows its current line, so that errors and ops carry line numbers. */
final class LineCountingParseable implements Parseable {
  private final Reader in;
  private final int[] pushback = new int[8];
  private int pushed;
  private long line = 1;

  LineCountingParseable(Reader in) {
    this.in = in;
  }

  /** The 1-based line of the next character to be read. */
  long line() {
    return line;
  }

  @Override
  public int read() throws IOException {
    int c = pushed > 0 ? pushback[--pushed] : in.read();
    if (c == '\n') line++;
    return c < 0 ? END_OF_INPUT : c;
  }

  @Override
  public void unread(int ch) throws IOException {
    if (ch == END_OF_INPUT) return;
    if (pushed == pushback.length) throw new IOException("unread buffer full");
    if (ch == '\n') line--;
    pushback[pushed++] = ch;
  }

  /**
   * Skips whitespace, commas and ; comments, and returns the next significant character without
   * consuming it, or END_OF_INPUT.
   */
  int peekSignificant() throws IOException {
    while (true) {
      int c = read();
      if (c == END_OF_INPUT) return c;
      if (c == ';') {
        while (c != '\n' && c != END_OF_INPUT) c = read();
        continue;
      }
      if (c == ',' || Character.isWhitespace(c)) continue;
      unread(c);
      return c;
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
