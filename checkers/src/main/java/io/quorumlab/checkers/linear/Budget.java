package io.quorumlab.checkers.linear;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The time and memory a whole check may use, shared by the searches of all partitions. A search
 * that finds the budget spent stops and reports what it explored; the verdict is then unknown.
 */
final class Budget {
  private final long deadlineNanos;
  private final long memoryBytes;
  private final AtomicLong used = new AtomicLong();
  private volatile String exhausted;

  Budget(long timeBudgetNanos, long memoryBytes) {
    long now = System.nanoTime();
    this.deadlineNanos = timeBudgetNanos >= Long.MAX_VALUE - now ? Long.MAX_VALUE : now + timeBudgetNanos;
    this.memoryBytes = memoryBytes;
  }

  /**
   * Accounts {@code deltaBytes} more memory and checks the clock.
   *
   * @return why the budget is exhausted, or null while it is not
   */
  String charge(long deltaBytes) {
    String e = exhausted;
    if (e != null) return e;
    long total = used.addAndGet(deltaBytes);
    if (total > memoryBytes) {
      exhausted = "memory budget of " + (memoryBytes >> 20) + " MiB exhausted";
    } else if (System.nanoTime() > deadlineNanos) {
      exhausted = "time budget exhausted";
    }
    return exhausted;
  }

  void release(long bytes) {
    used.addAndGet(-bytes);
  }
}
