package io.quorumlab.harness.run;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress on the console (stderr): on a terminal one line rewritten in place; otherwise (a log, a
 * CI job) a line every {@value #PLAIN_EVERY_SECONDS} seconds. Phases and events get lines of their own.
 */
public final class ConsoleProgress implements ProgressSink {
  static final int PLAIN_EVERY_SECONDS = 5;
  private static final int WIDTH = 118;

  private final PrintWriter out;
  private final boolean terminal;
  private boolean lineOpen;
  private long lastPlainSecond = -1;

  public ConsoleProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** {@code out} (the CLI's stderr), rewriting in place when the JVM has a terminal. */
  public static ConsoleProgress console(PrintWriter out) {
    return new ConsoleProgress(out, System.console() != null);
  }

  @Override
  public synchronized void phase(String phase, String detail) {
    endLine();
    out.println(String.format(Locale.ROOT, "%-11s %s", phase, detail == null ? "" : detail));
    out.flush();
  }

  @Override
  public synchronized void load(LoadStatus s) {
    String line = format(s);
    if (terminal) {
      out.print("\r" + pad(line));
      lineOpen = true;
    } else {
      long second = s.elapsedNanos() / 1_000_000_000L;
      if (second / PLAIN_EVERY_SECONDS == lastPlainSecond / PLAIN_EVERY_SECONDS && lastPlainSecond >= 0) return;
      lastPlainSecond = second;
      out.println(line);
    }
    out.flush();
  }

  @Override
  public synchronized void event(String line) {
    endLine();
    out.println("            " + line);
    out.flush();
  }

  static String format(LoadStatus s) {
    String fault = s.fault() == null ? "none" : s.fault();
    String behind = s.behindNanos() > 1_000_000_000L
        ? String.format(Locale.ROOT, "  (%.1fs behind schedule)", s.behindNanos() / 1e9) : "";
    return String.format(Locale.ROOT, "load  %3d/%ds  %5.0f ops/s  ok %d  fail %d  info %d  fault: %s%s",
        s.elapsedNanos() / 1_000_000_000L, Math.round(s.totalNanos() / 1e9), s.opsPerSecond(), s.ok(), s.fail(), s.info(),
        fault, behind);
  }

  private void endLine() {
    if (lineOpen) {
      out.println();
      lineOpen = false;
    }
  }

  private static String pad(String line) {
    if (line.length() >= WIDTH) return line.substring(0, WIDTH);
    return line + " ".repeat(WIDTH - line.length());
  }
}
