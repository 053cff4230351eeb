package io.quorumlab.harness.time;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The one clock and scheduler of a run. Every part of the harness that keeps time or waits (the
 * load generator, the history recorder, the nemesis schedule, the progress ticker, the runner's
 * phases) does so through the run's loop and nothing else, so that an implementation in virtual
 * time can drive a whole run on one thread without sleeping. {@link RealTimeLoop} is the
 * implementation for real processes and containers.
 *
 * <p>The contract every implementation keeps and every user relies on:
 *
 * <ul>
 *   <li><b>One thread.</b> Tasks run one at a time, on the thread that calls {@link #runUntil};
 *       state that only tasks touch needs no locks. {@link #execute} is the only method other
 *       threads may call (a client library's I/O thread, a shutdown hook); everything else is
 *       called from a task or, between {@code runUntil} calls, from the thread that drives the loop.
 *   <li><b>Time.</b> {@link #nanos} is the run's time: nanoseconds since the loop was made,
 *       never decreasing. In virtual time it stands still while a task runs and jumps to the next
 *       timer when no task is ready, so code must never wait for time to pass inside a task
 *       (no sleeping, no spinning on the clock): it schedules a task instead.
 *   <li><b>Order.</b> Timers run in order of their due time, those due at the same instant in the
 *       order they were scheduled; a task given to {@code execute} runs at the current instant,
 *       after the tasks already ready. A virtual-time loop therefore runs the same tasks in the same
 *       order every time, and a run's choices are a function of its seed.
 *   <li><b>Futures.</b> A future completed by a task runs its dependent stages at once, on the
 *       loop. A future completed elsewhere (a network client's thread) must be brought onto the
 *       loop with {@link #onLoop} before its result touches loop state.
 *   <li><b>Blocking actions.</b> What may block (a docker command, killing a process) goes through
 *       {@link #offload}: in real time it runs on a worker thread while the loop goes on; in
 *       virtual time, where the cluster is simulated and nothing blocks, it may run at once on the
 *       loop, at the current instant. Either way its result comes back on the loop.
 *   <li><b>No re-entry.</b> {@code runUntil} is never called from a task.
 * </ul>
 */
public interface EventLoop extends AutoCloseable {

  /** The run's time: nanoseconds since the loop was made. */
  long nanos();

  /**
   * Whether {@link #nanos} is virtual (simulated) time rather than this machine's: a run's report
   * then labels its times as simulated.
   */
  default boolean virtual() {
    return false;
  }

  /** Wall-clock milliseconds since the epoch, for metadata only (when a run started); never for scheduling. */
  long wallMillis();

  /** Runs {@code task} on the loop once {@code delayNanos} (0 or more) have passed. */
  Timer schedule(long delayNanos, Runnable task);

  /** Runs {@code task} on the loop now, after the tasks already ready. Callable from any thread. */
  void execute(Runnable task);

  /**
   * Runs {@code action}, which may block, off the loop (see the class comment); the future
   * completes on the loop with its result or its failure.
   */
  <T> CompletableFuture<T> offload(Callable<T> action);

  /**
   * Runs the loop's tasks on the calling thread until {@code done} completes, then returns its
   * value or throws what it failed with. A task that throws ends the loop with that exception.
   *
   * @throws IllegalStateException in virtual time, when nothing is scheduled and {@code done} can
   *     never complete
   */
  <T> T runUntil(CompletableFuture<T> done) throws Exception;

  /**
   * A future that completes on the loop as {@code stage} does. It is completed by a task, never
   * during this call, so a chain of ops built on it cannot grow the stack.
   */
  default <T> CompletableFuture<T> onLoop(CompletionStage<T> stage) {
    CompletableFuture<T> out = new CompletableFuture<>();
    stage.whenComplete((value, error) -> execute(() -> {
      if (error != null) out.completeExceptionally(error);
      else out.complete(value);
    }));
    return out;
  }

  /** A future that completes on the loop after {@code delayNanos}. */
  default CompletableFuture<Void> delay(long delayNanos) {
    CompletableFuture<Void> f = new CompletableFuture<>();
    schedule(delayNanos, () -> f.complete(null));
    return f;
  }

  /** Runs {@code task} every {@code periodNanos}, the first time one period from now, until cancelled. */
  default Timer every(long periodNanos, Runnable task) {
    if (periodNanos <= 0) throw new IllegalArgumentException("a period must be positive, not " + periodNanos);
    return new Repeating(this, periodNanos, task).start();
  }

  /** Ends the loop and whatever it started (worker threads); tasks not run yet never run. */
  @Override
  void close();
}
