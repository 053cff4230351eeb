package io.quorumlab.harness.run;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a workload with an open-loop schedule: op {@code i} is due at {@code i / rate} seconds after
 * the load starts, fixed in advance, whatever the store's latency. At most {@code concurrency} ops
 * are in flight (one per worker thread, each a logical process); when all are busy, due ops wait and
 * are sent as soon as a worker frees, their latency counted from the schedule (see
 * {@link HistoryRecorder}). A rate of 0 means no schedule: each worker sends its next op as soon as
 * its previous one ended (closed loop).
 *
 * <p>One dispatcher thread draws invocations from the generator in schedule order, so the sequence
 * of ops depends on the seed only; op {@code i} goes to node {@code i mod nodes}.
 */
public final class LoadGenerator {

  /**
   * @param concurrency worker threads (logical processes)
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

  private record Ticket(long sequence, long scheduledNanos, Invocation invocation, String node) {}

  private final Workload workload;
  private final InvocationGenerator generator;
  private final NodeClients clients;
  private final HistoryRecorder recorder;
  private final Settings settings;
  private final ProcessIds processIds;
  private final SynchronousQueue<Ticket> handoff = new SynchronousQueue<>();
  private final AtomicLong dispatched = new AtomicLong();
  private volatile long behindNanos;
  private volatile boolean stopped;
  private volatile boolean dispatching = true;

  public LoadGenerator(Workload workload, InvocationGenerator generator, NodeClients clients, HistoryRecorder recorder,
      Settings settings, ProcessIds processIds) {
    this.workload = workload;
    this.generator = generator;
    this.clients = clients;
    this.recorder = recorder;
    this.settings = settings;
    this.processIds = processIds;
  }

  /**
   * Sends ops until the duration has passed or {@link #stop()} is called, then waits up to
   * {@code drainNanos} for the ops in flight to end. An op still in flight after that stays open in
   * the history (indeterminate).
   */
  public void run(long drainNanos) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < settings.concurrency(); i++) {
      long process = i;
      Thread t = new Thread(() -> work(process), "load-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    try {
      dispatch();
    } finally {
      dispatching = false;
      long deadline = System.nanoTime() + drainNanos;
      for (Thread t : workers) {
        long left = deadline - System.nanoTime();
        if (left > 0) t.join(Math.max(1, left / 1_000_000));
      }
      for (Thread t : workers) t.interrupt();
    }
  }

  /** Stops sending new ops (ops in flight finish). */
  public void stop() {
    stopped = true;
  }

  /** Ops sent so far. */
  public long dispatched() {
    return dispatched.get();
  }

  /** How far the last op was sent behind its schedule: more than a little means the store cannot keep up. */
  public long behindNanos() {
    return behindNanos;
  }

  private void dispatch() throws InterruptedException {
    long start = recorder.now();
    long end = start + settings.durationNanos();
    double interval = settings.rate() > 0 ? 1e9 / settings.rate() : 0;
    for (long i = 0; !stopped; i++) {
      long due = start + (long) (i * interval);
      // Behind schedule, ops due before the end are still only sent until the end.
      if (due >= end || recorder.now() >= end) break;
      long wait = due - recorder.now();
      if (wait > 0) sleepNanos(wait);
      if (stopped) break;
      Ticket ticket = new Ticket(i, settings.rate() > 0 ? due : recorder.now(), generator.next(), clients.nodeFor(i));
      // Wait for a free worker; give up at the end of the load so a stuck cluster cannot hold the run.
      while (!handoff.offer(ticket, 20, TimeUnit.MILLISECONDS)) {
        if (stopped || recorder.now() >= end) return;
      }
      behindNanos = Math.max(0, recorder.now() - ticket.scheduledNanos());
      dispatched.incrementAndGet();
    }
  }

  private void work(long firstProcess) {
    long process = firstProcess;
    while (true) {
      Ticket ticket;
      try {
        ticket = handoff.poll(20, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (ticket == null) {
        if (!dispatching) return;
        continue;
      }
      if (runOne(process, ticket) == OpType.INFO) process = processIds.fresh();
    }
  }

  private OpType runOne(long process, Ticket ticket) {
    Op invoke = recorder.invoke(process, ticket.invocation(), ticket.node(), ticket.scheduledNanos());
    Completion c = execute(workload, ticket.invocation(), clients, ticket.node(), settings.options());
    recorder.complete(invoke, c);
    return c.type();
  }

  /** Runs one op; a harness-side error is indeterminate, since the request may have been sent. */
  static Completion execute(Workload workload, Invocation invocation, NodeClients clients, String node, RequestOptions options) {
    try {
      return workload.execute(invocation, clients.client(node), options).join();
    } catch (CompletionException e) {
      return Completion.info(invocation.value(), "harness: " + (e.getCause() == null ? e : e.getCause()));
    } catch (RuntimeException e) {
      return Completion.info(invocation.value(), "harness: " + e);
    }
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    TimeUnit.NANOSECONDS.sleep(nanos);
  }
}
