package io.quorumlab.harness.time;

/** {@link EventLoop#every}: a timer that schedules its next run each time it runs. */
final class Repeating implements Timer {
  private final EventLoop loop;
  private final long periodNanos;
  private final Runnable task;
  private Timer next;
  private boolean cancelled;

  Repeating(EventLoop loop, long periodNanos, Runnable task) {
    this.loop = loop;
    this.periodNanos = periodNanos;
    this.task = task;
  }

  Repeating start() {
    next = loop.schedule(periodNanos, this::fire);
    return this;
  }

  private void fire() {
    if (cancelled) return;
    next = loop.schedule(periodNanos, this::fire);
    task.run();
  }

  @Override
  public void cancel() {
    cancelled = true;
    next.cancel();
  }
}
