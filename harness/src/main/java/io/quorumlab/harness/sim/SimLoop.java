package io.quorumlab.harness.sim;

import io.quorumlab.harness.time.EventLoop;
import io.quorumlab.harness.time.Timer;
import io.quorumlab.sim.Simulation;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;

/**
 * The {@link EventLoop} of a simulated run: the simulation's own event queue in virtual time. The
 * harness's tasks are events of the simulation like every node's timers and messages, so a whole
 * run (nodes, network, clients, load, nemesis, recorder) is one sequence of events on one thread,
 * ordered by (virtual time, order of scheduling): a function of the seed.
 *
 * <p>Blocking actions run at once on the loop (nothing in a simulation blocks). The only input from
 * another thread is {@link #execute} (Ctrl-C): such tasks wait in an inbox that the driving thread
 * moves into the simulation, at the current instant, before each event.
 */
final class SimLoop implements EventLoop {
  private final Simulation sim;
  private final Queue<Runnable> inbox = new ConcurrentLinkedQueue<>();
  /** The thread that drives the simulation: it made the loop, and runs {@link #runUntil}. */
  private volatile Thread home = Thread.currentThread();
  private boolean running;

  SimLoop(Simulation sim) {
    this.sim = sim;
  }

  @Override
  public boolean virtual() {
    return true;
  }

  @Override
  public long nanos() {
    return sim.now();
  }

  /** The simulation's wall clock (its nodes' too): a fixed instant at virtual time zero, plus virtual time. */
  @Override
  public long wallMillis() {
    return sim.config().wallClockStartMicros() / 1_000 + sim.nowMillis();
  }

  @Override
  public Timer schedule(long delayNanos, Runnable task) {
    return sim.scheduleAt(sim.now() + Math.max(0, delayNanos), task)::cancel;
  }

  @Override
  public void execute(Runnable task) {
    if (Thread.currentThread() == home) {
      sim.scheduleAt(sim.now(), task);
    } else {
      inbox.add(task);
    }
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
    home = Thread.currentThread();
    try {
      while (!done.isDone()) {
        for (Runnable t = inbox.poll(); t != null; t = inbox.poll()) sim.scheduleAt(sim.now(), t);
        if (!sim.step()) throw new IllegalStateException("nothing is scheduled in the simulation, and the awaited future is not done");
      }
    } finally {
      running = false;
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

  /** Nothing to release: the simulation's events die with it. */
  @Override
  public void close() {
    inbox.clear();
  }
}
