package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Records a run's history as it happens: dense indices in the order events are recorded, times in
 * nanoseconds of the run's clock (its {@link EventLoop}), each op appended to {@code history.jsonl}
 * at once and the file flushed every {@value #FLUSH_MS} ms of the loop's time (and at every nemesis
 * op, and when asked), so a harness that dies keeps what it recorded up to then.
 *
 * <p>Times and coordinated omission: the load generator schedules each op's send time in advance.
 * An invocation is recorded with {@code time} = its <em>scheduled</em> send time, so the latency
 * derived from the history (completion time minus invocation time) includes any wait for a free
 * process: a stalled cluster shows up as latency instead of silently lowering the rate. When the op
 * was actually sent more than a millisecond after its schedule, the invocation also carries
 * {@code "sent"} (the actual send time, same timebase). Invocations are still appended when the op is
 * sent, so the history's order is real-time order; only an invocation's {@code time} may be earlier
 * than the line before it. Checkers order by index; a checker that uses times sees each op's
 * interval widened towards its schedule, which can hide an anomaly but never invent one.
 *
 * <p>Ops are recorded on the loop; the recorder is thread-safe all the same (indices are assigned
 * and lines written under one lock), so that a progress display may read its counts from anywhere.
 */
public final class HistoryRecorder implements AutoCloseable {
  static final long FLUSH_MS = 200;
  private static final long LATE_NANOS = 1_000_000;

  private final EventLoop clock;
  private final List<Op> ops = new ArrayList<>();
  private final BufferedWriter out;
  private final Timer flusher;
  private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
  private long ok;
  private long fail;
  private long info;
  private IOException writeError;
  private boolean closed;

  /**
   * @param file where to stream the history ({@code history.jsonl}), or null to keep it in memory only
   * @param clock the run's loop: its time is the history's, and it runs the periodic flush
   */
  public HistoryRecorder(Path file, EventLoop clock) throws IOException {
    this.clock = clock;
    if (file == null) {
      out = null;
      flusher = null;
    } else {
      out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
      flusher = clock.every(TimeUnit.MILLISECONDS.toNanos(FLUSH_MS), this::flush);
    }
  }

  /** Nanoseconds since the run started. */
  public long now() {
    return clock.nanos();
  }

  /**
   * Records that {@code process} sends {@code invocation} through {@code node}.
   *
   * @param scheduledNanos when the op was scheduled to be sent (run timebase)
   */
  public synchronized Op invoke(long process, Invocation invocation, String node, long scheduledNanos) {
    long sent = now();
    Map<String, Object> extra = sent - scheduledNanos > LATE_NANOS ? Map.of("sent", sent) : Map.of();
    return append(new Op(ops.size(), Math.min(scheduledNanos, sent), process, OpType.INVOKE, invocation.f(),
        invocation.key(), invocation.value(), node, null, extra));
  }

  /** Records how {@code invoke} ended, now. */
  public synchronized Op complete(Op invoke, Completion completion) {
    long time = now();
    switch (completion.type()) {
      case OK -> {
        ok++;
        latency.recordValue(Math.max(0, Math.min(time - invoke.time(), latency.getHighestTrackableValue())));
      }
      case FAIL -> fail++;
      case INFO -> info++;
      default -> throw new IllegalArgumentException("not a completion: " + completion.type());
    }
    return append(new Op(ops.size(), time, invoke.process(), completion.type(), invoke.f(), invoke.key(),
        completion.value(), invoke.node(), completion.error(), Map.of()));
  }

  /**
   * Records a nemesis op now (Jepsen style: {@code info}, process "nemesis"), e.g. f
   * {@code start-partition} with the grudge as value. The file is flushed at once so that a crash
   * right after a fault still shows it.
   */
  public synchronized Op nemesis(OpType type, String f, Object value, String error) {
    Op op = append(new Op(ops.size(), now(), Op.NEMESIS, type, f, null, value, null, error, Map.of()));
    flush();
    return op;
  }

  /** The history recorded so far. */
  public synchronized History history() {
    return new History(ops);
  }

  public synchronized long size() {
    return ops.size();
  }

  /** Counts of ok / fail / info completions so far. */
  public synchronized Counts counts() {
    return new Counts(ok, fail, info);
  }

  /** A copy of the latency histogram of ok ops (nanoseconds, from the scheduled send). */
  public synchronized Histogram okLatency() {
    return latency.copy();
  }

  public record Counts(long ok, long fail, long info) {
    public long total() {
      return ok + fail + info;
    }
  }

  public synchronized void flush() {
    if (out == null || closed) return;
    try {
      out.flush();
    } catch (IOException e) {
      writeError = e;
    }
  }

  /** Flushes and closes the file; rethrows the first write error, if any. */
  @Override
  public synchronized void close() throws IOException {
    if (closed) return;
    if (flusher != null) flusher.cancel();
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        if (writeError == null) writeError = e;
      }
    }
    closed = true;
    if (writeError != null) throw writeError;
  }

  private Op append(Op op) {
    ops.add(op);
    if (out != null && !closed && writeError == null) {
      try {
        out.write(Histories.encode(op, HistoryFormat.JSONL));
        out.write('\n');
      } catch (IOException e) {
        writeError = e;
      } catch (IllegalArgumentException e) {
        throw new UncheckedIOException(new IOException("cannot record op " + op.index() + ": " + e.getMessage(), e));
      }
    }
    return op;
  }
}
