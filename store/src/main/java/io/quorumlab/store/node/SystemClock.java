package io.quorumlab.store.node;

import java.time.Instant;

/** The real clocks. */
public final class SystemClock implements Clock {
  public static final SystemClock INSTANCE = new SystemClock();

  private SystemClock() {}

  @Override
  public long monotonicMillis() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public long wallMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
  }
}
