package io.quorumlab.harness.time;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@link EventLoop} of runs against real nodes: the monotonic clock of this JVM, timers kept in
 * a queue that the driving thread waits on, and a pool of daemon threads for blocking actions.
 * This class and {@link Stopwatch} are the only places in the harness's run path that read the
 * clock or start threads.
 */
public final class RealTimeLoop implements EventLoop {
  private final long origin = System.nanoTime();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final ArrayDeque<Runnable> ready = new ArrayDeque<>();
  private final PriorityQueue<Entry> timers = new PriorityQueue<>();
  private final ExecutorService workers;
  private long sequence;
  private volatile Thread driver;
  private volatile boolean closed;

  public RealTimeLoop() {
    AtomicInteger count = new AtomicInteger();
    workers = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "quorumlab-offload-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  @Override
  public long nanos() {
    return System.nanoTime() - origin;
  }

  @Override
  public long wallMillis() {
    return System.currentTimeMillis();
  }

  @Override
  public Timer schedule(long delayNanos, Runnable task) {
    lock.lock();
    try {
      Entry e = new Entry(nanos() + Math.max(0, delayNanos), sequence++, task);
      timers.add(e);
      wake.signal();
      return e;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void execute(Runnable task) {
    lock.lock();
    try {
      ready.add(task);
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public <T> CompletableFuture<T> offload(Callable<T> action) {
    CompletableFuture<T> out = new CompletableFuture<>();
    if (closed) {
      out.completeExceptionally(new IllegalStateException("the event loop is closed"));
      return out;
    }
    workers.execute(() -> {
      try {
        T value = action.call();
        execute(() -> out.complete(value));
      } catch (Throwable t) {
        execute(() -> out.completeExceptionally(t));
      }
    });
    return out;
  }

  @Override
  public <T> T runUntil(CompletableFuture<T> done) throws Exception {
    if (driver == Thread.currentThread()) throw new IllegalStateException("runUntil called from a task of the loop");
    if (driver != null) throw new IllegalStateException("the loop is already driven by " + driver.getName());
    driver = Thread.currentThread();
    done.whenComplete((v, e) -> signal());
    try {
      for (Runnable task = next(done); task != null; task = next(done)) task.run();
    } finally {
      driver = null;
    }
    try {
      return done.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof Exception ex) throw ex;
      if (cause instanceof Error err) throw err;
      throw e;
    }
  }

  /** The next task to run, waiting for one; null once {@code done} has completed. */
  private Runnable next(CompletableFuture<?> done) throws InterruptedException {
    lock.lock();
    try {
      while (true) {
        if (done.isDone()) return null;
        long now = nanos();
        for (Entry t = timers.peek(); t != null && t.due <= now; t = timers.peek()) ready.add(timers.poll());
        Runnable task = ready.poll();
        if (task != null) return task;
        Entry first = timers.peek();
        if (first == null) wake.await();
        else wake.awaitNanos(first.due - now);
      }
    } finally {
      lock.unlock();
    }
  }

  private void signal() {
    lock.lock();
    try {
      wake.signal();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    closed = true;
    workers.shutdownNow();
    lock.lock();
    try {
      ready.clear();
      timers.clear();
    } finally {
      lock.unlock();
    }
  }

  private static final class Entry implements Timer, Runnable, Comparable<Entry> {
    final long due;
    final long sequence;
    final Runnable task;
    volatile boolean cancelled;

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
