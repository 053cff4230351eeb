package io.quorumlab.harness.explore;

import java.io.PrintWriter;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The seeds' progress bar on stderr (the progressbar library: done/total, seeds per second, elapsed
 * and ETA), with the failures so far; redrawn in place on a terminal, a plain line every
 * {@value #PLAIN_EVERY_MS} ms in a log. Lines printed through {@link #println} go above the bar.
 */
public final class ExploreProgress implements AutoCloseable {
  static final int PLAIN_EVERY_MS = 5000;
  private static final int WIDTH = 100;

  private final PrintWriter err;
  private final boolean terminal;
  private final ProgressBar bar;
  private boolean closed;

  public ExploreProgress(PrintWriter err, boolean terminal, String task, long total) {
    this.err = err;
    this.terminal = terminal;
    this.bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(terminal ? 250 : PLAIN_EVERY_MS).setMaxRenderedLength(WIDTH).showSpeed().setUnit(" seeds", 1)
        .setConsumer(new DelegatingProgressBarConsumer(this::draw, WIDTH)).build();
  }

  /** @param failures failing seeds so far */
  public void step(long done, long failures) {
    bar.stepTo(done);
    bar.setExtraMessage(failures == 0 ? "" : " " + failures + " failing");
  }

  public void println(String line) {
    synchronized (err) {
      if (terminal) err.print("\r" + " ".repeat(WIDTH) + "\r");
      err.println(line);
      err.flush();
    }
  }

  private void draw(String rendered) {
    synchronized (err) {
      if (terminal) err.print("\r" + rendered);
      else err.println(rendered);
      err.flush();
    }
  }

  /** Idempotent: the bar's last state stays on screen. */
  @Override
  public void close() {
    if (closed) return;
    closed = true;
    bar.close();
    synchronized (err) {
      if (terminal) err.println();
      err.flush();
    }
  }
}
