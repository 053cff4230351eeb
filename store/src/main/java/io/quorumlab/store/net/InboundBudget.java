package io.quorumlab.store.net;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of frames being received that a node holds at once, all connections together. A
 * connection reserves a frame's length when its header arrives and releases it once the frame is
 * decoded or the connection closes; a connection that finds no room stops reading until another
 * releases some. So a flood of large unfinished frames cannot exhaust the node's memory: it only
 * makes the senders wait, and the frame timeout closes those that stall.
 */
final class InboundBudget {
  /** For clients: they read only answers to their own requests. */
  static final InboundBudget UNLIMITED = new InboundBudget(Long.MAX_VALUE);

  private final long limit;
  private final AtomicLong used = new AtomicLong();
  private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  InboundBudget(long limit) {
    if (limit < 1) throw new IllegalArgumentException("an inbound budget needs at least one byte");
    this.limit = limit;
  }

  long limit() {
    return limit;
  }

  long used() {
    return used.get();
  }

  /** Reserves {@code bytes} if they fit; false (nothing reserved) otherwise. */
  boolean tryReserve(long bytes) {
    while (true) {
      long u = used.get();
      if (u + bytes > limit) return false;
      if (used.compareAndSet(u, u + bytes)) return true;
    }
  }

  void release(long bytes) {
    long after = used.addAndGet(-bytes);
    assert after >= 0 : "released more than was reserved";
    wakeWaiting();
  }

  /**
   * Runs {@code retry} once bytes were released (or at once, if {@code bytes} fit by the time it is
   * registered). The retry must try again and register again if it still finds no room; it should
   * hand itself to its connection's thread rather than do the work on the releasing one.
   */
  void whenReleased(long bytes, Runnable retry) {
    waiting.add(retry);
    if (used.get() + bytes <= limit) wakeWaiting();
  }

  private void wakeWaiting() {
    Runnable r;
    while ((r = waiting.poll()) != null) r.run();
  }
}
