package io.quorumlab.harness.time;

/** A task scheduled on an {@link EventLoop}. */
@FunctionalInterface
public interface Timer {
  /** The task will not run; cancelling one that already ran, or twice, does nothing. */
  void cancel();
}
