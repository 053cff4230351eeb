package io.quorumlab.harness.run;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Logical process ids. Each worker starts as process {@code 0..concurrency-1}; a worker whose op
 * ended in {@code info} may still have that op in flight in the store, so, as in Jepsen, it never
 * issues another op under that id: it takes the next unused id instead.
 */
public final class ProcessIds {
  private final AtomicLong next;

  /** @param firstFresh the first id not in use from the start (the concurrency, or past a schedule's processes) */
  public ProcessIds(long firstFresh) {
    next = new AtomicLong(firstFresh);
  }

  /** A process id never used before. */
  public long fresh() {
    return next.getAndIncrement();
  }
}
