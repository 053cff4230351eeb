package io.quorumlab.harness.time;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A minimal {@link EventLoop} in virtual time, for tests: one thread, no sleeping; when no task is
 * ready the clock jumps to the next timer, and blocking actions run at once on the loop. It keeps
 * the interface's contract, which shows that the run path needs nothing else. Not thread-safe:
 * {@link #execute} from another thread is not supported here.
 */
public final class VirtualLoop implements EventLoop {
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Entry> timers = new PriorityQueue<>();
  private long now;
  private long sequence;
  private boolean running;

  @Override
  public long nanos() {
    return now;
  }

  @Override
  public boolean virtual() {
    return true;
  }

  @Override
  public long wallMillis() {
    return 1_700_000_000_000L + now / 1_000_000;
  }

  @Override
  public Timer schedule(long delayNanos, Runnable task) {
    Entry e = new Entry(now + Math.max(0, delayNanos), sequence++, task);
    timers.add(e);
    return e;
  }

  @Override
  public void execute(Runnable task) {
    ready.add(task);
  }

  @Override
  public <T> CompletableFuture<T> offload(Callable<T> action) {
    CompletableFuture<T> out = new CompletableFuture<>();
    try {
      out.complete(action.call());
    } catch (Exception e) {
      out.completeExceptionally(e);
    }
    return out;
  }

  @Override
  public <T> T runUntil(CompletableFuture<T> done) throws Exception {
    if (running) throw new IllegalStateException("runUntil called from a task of the loop");
    running = true;
    try {
      while (!done.isDone()) {
        Runnable task = ready.poll();
        if (task == null) {
          Entry t = timers.poll();
          if (t == null) throw new IllegalStateException("nothing scheduled, and the awaited future is not done");
          now = Math.max(now, t.due);
          task = t;
        }
        task.run();
      }
    } finally {
      running = false;
    }
    try {
      return done.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Exception ex) throw ex;
      throw e;
    }
  }

  @Override
  public void close() {
    ready.clear();
    timers.clear();
  }

  private static final class Entry implements Timer, Runnable, Comparable<Entry> {
    final long due;
    final long sequence;
    final Runnable task;
    boolean cancelled;

    Entry(long due, long sequence, Runnable task) {
      this.due = due;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void run() {
      if (!cancelled) task.run();
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Entry o) {
      int c = Long.compare(due, o.due);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }
}
