package io.quorumlab.harness.cli;

import io.quorumlab.checkers.CheckContext;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows a check's progress on stderr once it has run for two seconds: a line rewritten in place
 * on a terminal, a plain line every five seconds otherwise (CI logs).
 */
final class ProgressLine implements AutoCloseable {
  private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);

  private final PrintWriter err;
  private final String what;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;
  private volatile CheckContext.Progress last;
  private boolean shown;

  ProgressLine(PrintWriter err, String what) {
    this(err, what, System.console() != null, QUIET_NANOS / 1_000_000);
  }

  /**
   * @param terminal rewrite one line in place (else print a line every five seconds)
   * @param quietMillis show nothing for this long
   */
  ProgressLine(PrintWriter err, String what, boolean terminal, long quietMillis) {
    this.err = err;
    this.what = what;
    this.terminal = terminal;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "check-progress");
      t.setDaemon(true);
      return t;
    });
    long period = terminal ? 250 : 5000;
    timer.scheduleAtFixedRate(this::show, quietMillis, period, TimeUnit.MILLISECONDS);
  }

  void update(CheckContext.Progress p) {
    last = p;
  }

  private synchronized void show() {
    CheckContext.Progress p = last;
    double secs = (System.nanoTime() - started) / 1e9;
    String done = p == null ? "" : p.unit() + " " + p.done() + "/" + p.total() + ", ";
    String line = String.format(Locale.ROOT, "checking %s: %s%.1f s", what, done, secs);
    if (terminal) err.print("\r" + line + "   ");
    else err.println(line);
    err.flush();
    shown = true;
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (shown && terminal) {
      err.print("\r" + " ".repeat(80) + "\r");
      err.flush();
    }
  }
}
