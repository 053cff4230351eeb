package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.Workload;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Drives a workload on the run's event loop with an open-loop schedule: op {@code i} is due at
 * {@code i / rate} seconds after the load starts, fixed in advance, whatever the store's latency.
 * At most {@code concurrency} ops are in flight, one per logical process; when every process is
 * busy, the due op waits and is sent as soon as one frees, its latency counted from the schedule
 * (see {@link HistoryRecorder}). A rate of 0 means no schedule: a process sends its next op as soon
 * as its previous one ended (closed loop). Or the ops are an explicit {@link OpSchedule}: each is
 * due at its own time and sent by its own process ({@link #scheduled}).
 *
 * <p>Everything happens in tasks of the loop: a timer sends the ops that are due, and an op's
 * completion (brought onto the loop) records it and frees its process. Ops are drawn from the
 * generator in schedule order, op {@code i} goes to node {@code i mod nodes}, and free processes
 * are taken in the order they freed, so in virtual time the whole load is a function of the seed.
 */
public final class LoadGenerator {

  /**
   * @param concurrency logical processes
   * @param rate ops per second to schedule; 0 for closed loop
   * @param durationNanos how long to send ops
   * @param options per-request options for the workload's ops
   */
  public record Settings(int concurrency, double rate, long durationNanos, RequestOptions options) {
    public Settings {
      if (concurrency < 1) throw new IllegalArgumentException("concurrency must be at least 1");
      if (rate < 0) throw new IllegalArgumentException("rate must not be negative");
    }
  }

  /** An op sent and not recorded as ended yet. */
  private record InFlight(long process, Op invoke, Invocation invocation) {}

  private final EventLoop loop;
  private final Workload workload;
  private final OpFeed feed;
  private final NodeClients clients;
  private final HistoryRecorder recorder;
  private final Settings settings;
  private final Set<InFlight> inFlight = new LinkedHashSet<>();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private long drainNanos;
  private long startNanos;
  private long endNanos;
  private Timer due;
  private Timer end;
  private boolean started;
  private boolean stopRequested;
  private boolean sending;
  private boolean waitingForProcess;
  private volatile long dispatched;
  private volatile long behindNanos;

  public LoadGenerator(EventLoop loop, Workload workload, InvocationGenerator generator, NodeClients clients,
      HistoryRecorder recorder, Settings settings, ProcessIds processIds) {
    this(loop, workload, new RandomFeed(generator, settings.rate(), settings.concurrency(), processIds), clients, recorder, settings);
  }

  private LoadGenerator(EventLoop loop, Workload workload, OpFeed feed, NodeClients clients, HistoryRecorder recorder,
      Settings settings) {
    this.loop = loop;
    this.workload = workload;
    this.feed = feed;
    this.clients = clients;
    this.recorder = recorder;
    this.settings = settings;
  }

  /**
   * Sends exactly the ops of {@code schedule} (those due before {@code durationNanos}), each at its
   * time, by its process, through its node; fresh process ids (after an {@code info}) come from
   * {@code processIds}, which must start above the schedule's own ids.
   */
  public static LoadGenerator scheduled(EventLoop loop, Workload workload, OpSchedule schedule, NodeClients clients,
      HistoryRecorder recorder, long durationNanos, RequestOptions options, ProcessIds processIds) {
    return new LoadGenerator(loop, workload, new ScheduleFeed(schedule, processIds), clients, recorder,
        new Settings(schedule.concurrency(), 0, durationNanos, options));
  }

  /**
   * Starts sending, on the loop. The future completes once the duration has passed (or
   * {@link #stop()} was called) and every op in flight has ended, or {@code drainNanos} after
   * sending ended, whichever comes first: ops still in flight then are recorded {@code info}, as
   * ops whose outcome nobody will learn.
   */
  public CompletableFuture<Void> start(long drainNanos) {
    if (started) throw new IllegalStateException("the load has started already");
    started = true;
    sending = true;
    this.drainNanos = drainNanos;
    startNanos = loop.nanos();
    endNanos = startNanos + settings.durationNanos();
    end = loop.schedule(settings.durationNanos(), this::endSending);
    if (stopRequested) endSending();
    else sendDue();
    return finished;
  }

  /** Stops sending new ops (ops in flight may still end within the drain time). Called on the loop. */
  public void stop() {
    if (started) endSending();
    else stopRequested = true;
  }

  /** Ops sent so far. */
  public long dispatched() {
    return dispatched;
  }

  /** How far the last op was sent behind its schedule: more than a little means the store cannot keep up. */
  public long behindNanos() {
    return behindNanos;
  }

  /** Sends every op that is due while a process is free; then waits for the next due time or a free process. */
  private void sendDue() {
    due = null;
    while (sending) {
      long now = loop.nanos();
      if (!feed.hasNext()) return; // the load still lasts its time limit (the faults play out): the end timer ends it
      long scheduled = startNanos + feed.dueNanos(now - startNanos);
      // Behind schedule, ops due before the end are still only sent until the end.
      if (scheduled >= endNanos || now >= endNanos) {
        endSending();
        return;
      }
      if (scheduled > now) {
        due = loop.schedule(scheduled - now, this::sendDue);
        return;
      }
      Long process = feed.takeProcess();
      if (process == null) {
        waitingForProcess = true;
        return;
      }
      send(process, scheduled);
    }
  }

  private void send(long process, long scheduledNanos) {
    OpFeed.Op next = feed.take(clients);
    Invocation invocation = next.invocation();
    String node = next.node();
    Op invoke = recorder.invoke(process, invocation, node, scheduledNanos);
    behindNanos = Math.max(0, loop.nanos() - scheduledNanos);
    dispatched++;
    InFlight op = new InFlight(process, invoke, invocation);
    inFlight.add(op);
    loop.onLoop(execute(workload, invocation, clients, node, settings.options())).thenAccept(c -> ended(op, c))
        .exceptionally(e -> {
          finished.completeExceptionally(e); // the recorder failed: end the load with the reason
          return null;
        });
  }

  private void ended(InFlight op, Completion c) {
    if (!inFlight.remove(op)) return; // recorded info when the drain time ran out
    recorder.complete(op.invoke(), c);
    feed.ended(op.process(), c.type() == OpType.INFO);
    if (sending && waitingForProcess) {
      waitingForProcess = false;
      sendDue();
    } else if (!sending && inFlight.isEmpty()) {
      finished.complete(null);
    }
  }

  private void endSending() {
    if (!sending) return;
    sending = false;
    if (due != null) due.cancel();
    if (end != null) end.cancel();
    if (inFlight.isEmpty()) {
      finished.complete(null);
    } else {
      loop.schedule(drainNanos, this::giveUpOnInFlight);
    }
  }

  private void giveUpOnInFlight() {
    if (finished.isDone()) return;
    for (InFlight op : new ArrayList<>(inFlight)) {
      recorder.complete(op.invoke(), Completion.info(op.invocation().value(), "harness: no answer before the load ended"));
    }
    inFlight.clear();
    finished.complete(null);
  }

  /**
   * Sends one op. The future never fails: a harness-side error (a bug) is recorded as
   * indeterminate, since the request may have been sent.
   */
  static CompletableFuture<Completion> execute(Workload workload, Invocation invocation, NodeClients clients, String node,
      RequestOptions options) {
    try {
      return workload.execute(invocation, clients.client(node), options)
          .handle((c, error) -> error == null ? c : harnessError(invocation, error));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(harnessError(invocation, e));
    }
  }

  private static Completion harnessError(Invocation invocation, Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return Completion.info(invocation.value(), "harness: " + cause);
  }
}
