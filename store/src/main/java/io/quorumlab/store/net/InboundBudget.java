package io.quorumlab.store.net;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of frames being received that a node holds at once, all connections together. A
 * connection reserves a frame's length when its header arrives and releases it once the frame is
 * decoded or the connection closes; a connection that finds no room stops reading until another
 * releases some. So a flood of large unfinished frames cannot exhaust the node's memory: it only
 * makes the senders wait, and the frame timeout closes those that stall.
 *
 * <p>Large frames (over {@value #SMALL_FRAME} bytes) may fill the budget only up to a share that
 * still admits one frame of the largest size; the rest is kept for small frames, so that requests,
 * gossip and acks do not queue behind a few huge frames that are slow to arrive.
 */
final class InboundBudget {
  static final int SMALL_FRAME = 64 * 1024;

  /** For clients: they read only answers to their own requests. */
  static final InboundBudget UNLIMITED = new InboundBudget(Long.MAX_VALUE, Integer.MAX_VALUE);

  private final long limit;
  private final long largeLimit;
  private final AtomicLong used = new AtomicLong();
  private final ConcurrentLinkedQueue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  /** {@code limit} bytes in all, of which a quarter (if that leaves room for one {@code maxFrameBytes}) only for small frames. */
  InboundBudget(long limit, int maxFrameBytes) {
    if (limit < maxFrameBytes) throw new IllegalArgumentException("an inbound budget must hold one frame of maxFrameBytes");
    this.limit = limit;
    this.largeLimit = limit - Math.min(limit / 4, limit - maxFrameBytes);
  }

  long limit() {
    return limit;
  }

  long used() {
    return used.get();
  }

  /** Reserves {@code bytes} if they fit; false (nothing reserved) otherwise. */
  boolean tryReserve(long bytes) {
    long cap = bytes > SMALL_FRAME ? largeLimit : limit;
    while (true) {
      long u = used.get();
      if (u + bytes > cap) return false;
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
    if (used.get() + bytes <= (bytes > SMALL_FRAME ? largeLimit : limit)) wakeWaiting();
  }

  private void wakeWaiting() {
    Runnable r;
    while ((r = waiting.poll()) != null) r.run();
  }
}
