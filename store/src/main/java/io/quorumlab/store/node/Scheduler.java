package io.quorumlab.store.node;

/**
 * Timers. The task runs later on the node's own thread (the same one that delivers messages), so
 * node logic needs no locks.
 */
public interface Scheduler {

  Cancellable schedule(long delayMillis, Runnable task);

  /** A pending timer; cancelling a timer that already ran does nothing. */
  interface Cancellable {
    void cancel();
  }
}
