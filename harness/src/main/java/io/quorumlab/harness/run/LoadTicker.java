package io.quorumlab.harness.run;

import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;

/** Publishes the load's progress every {@value #EVERY_MS} ms of the run's time while it runs. */
final class LoadTicker implements AutoCloseable {
  static final long EVERY_MS = 500;
  /** ops/s is measured over this many ticks (about two seconds), so it neither lags nor jitters much. */
  private static final int WINDOW = 4;

  private final HistoryRecorder recorder;
  private final LoadGenerator load;
  private final Faults faults;
  private final long totalNanos;
  private final ProgressSink progress;
  private final long startNanos;
  private final Deque<long[]> window = new ArrayDeque<>();
  private final Timer timer;

  LoadTicker(EventLoop loop, HistoryRecorder recorder, LoadGenerator load, Faults faults, long totalNanos, ProgressSink progress) {
    this.recorder = recorder;
    this.load = load;
    this.faults = faults;
    this.totalNanos = totalNanos;
    this.progress = progress;
    this.startNanos = recorder.now();
    this.timer = loop.every(TimeUnit.MILLISECONDS.toNanos(EVERY_MS), this::tick);
  }

  private void tick() {
    try {
      long now = recorder.now();
      HistoryRecorder.Counts c = recorder.counts();
      window.addLast(new long[] {now, c.total()});
      if (window.size() > WINDOW + 1) window.removeFirst();
      long[] first = window.peekFirst();
      double rate = now > first[0] ? (c.total() - first[1]) * 1e9 / (now - first[0]) : 0;
      progress.load(new ProgressSink.LoadStatus(Math.min(now - startNanos, totalNanos), totalNanos, rate, c.ok(), c.fail(),
          c.info(), faults.current(), load.behindNanos()));
    } catch (RuntimeException e) {
      // progress is best effort; never let it stop the run
    }
  }

  @Override
  public void close() {
    timer.cancel();
  }
}
