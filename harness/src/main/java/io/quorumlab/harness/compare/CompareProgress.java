package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunDirectory;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The console while a comparison runs: one line per configuration, rewritten in place on a
 * terminal (phase, load progress, fault in force), or printed every {@value #PLAIN_EVERY_SECONDS} s
 * in a log; then a closing line with the configuration's verdict.
 */
public final class CompareProgress implements Comparison.Listener, ProgressSink {
  static final int PLAIN_EVERY_SECONDS = 10;
  private static final int WIDTH = 118;

  private final PrintWriter out;
  private final boolean terminal;
  private String prefix = "";
  private long lastPlainSecond = -1;
  private long started;

  public CompareProgress(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public synchronized void starting(int index, int total, ConfigSpec config, RunSpec spec) {
    prefix = String.format(Locale.ROOT, "[%d/%d] %-14s", index, total, config.text());
    started = System.nanoTime();
    lastPlainSecond = -1;
    show("starting: " + ConfigSpec.settings(spec) + ", seed " + spec.seed(), true);
  }

  @Override
  public ProgressSink sink() {
    return this;
  }

  @Override
  public synchronized void finished(int index, int total, ConfigSpec config, RunSpec spec, RunOutcome outcome) {
    var r = outcome.results();
    String line = String.format(Locale.ROOT, "%s %-8s %s; write p99 %s ms, %s ok ops/s, %.0f s  %s", prefix, r.verdict().wireName(),
        r.anomalies().isEmpty() ? "no anomaly" : Gate.anomalies(r), Cells.ms(r.writeLatency().p99()), Cells.throughput(r.throughput()),
        (System.nanoTime() - started) / 1e9, outcome.runDir().resolve(RunDirectory.REPORT));
    if (r.info().error() != null) line += "  (" + r.info().error() + ")";
    if (terminal) out.print("\r" + " ".repeat(WIDTH) + "\r");
    out.println(line);
    out.flush();
  }

  @Override
  public synchronized void phase(String phase, String detail) {
    // A log gets the start, the load every few seconds and the end; a terminal sees every phase.
    if (terminal) show(phase, true);
  }

  @Override
  public synchronized void load(LoadStatus s) {
    String fault = s.fault() == null ? "none" : s.fault();
    show(String.format(Locale.ROOT, "load %3d/%ds %5.0f ops/s  ok %d fail %d info %d  fault: %s", s.elapsedNanos() / 1_000_000_000L,
        Math.round(s.totalNanos() / 1e9), s.opsPerSecond(), s.ok(), s.fail(), s.info(), fault), false);
  }

  @Override
  public void event(String line) {
    // Fault transitions show in the load line; checker lines are summed up when the run finishes.
  }

  private void show(String what, boolean always) {
    String line = prefix + " " + what;
    if (terminal) {
      out.print("\r" + pad(line));
    } else {
      long second = (System.nanoTime() - started) / 1_000_000_000L;
      if (!always && lastPlainSecond >= 0 && second - lastPlainSecond < PLAIN_EVERY_SECONDS) return;
      lastPlainSecond = second;
      out.println(line);
    }
    out.flush();
  }

  private static String pad(String line) {
    if (line.length() >= WIDTH) return line.substring(0, WIDTH);
    return line + " ".repeat(WIDTH - line.length());
  }
}
