package io.quorumlab.store.services;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes; returns how long it took. */
final class Await {
  private Await() {}

  static long until(Duration timeout, BooleanSupplier condition, Supplier<String> describe) throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toMillis() + " ms: " + describe.get());
      }
      Thread.sleep(20);
    }
    return (System.nanoTime() - start) / 1_000_000;
  }
}
