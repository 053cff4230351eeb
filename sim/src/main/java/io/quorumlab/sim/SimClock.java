package io.quorumlab.sim;

import io.quorumlab.store.node.Clock;

/**
 * One simulated machine's clocks, read off virtual time. The monotonic clock runs at the rate of
 * virtual time. The wall clock has its own offset (a badly set clock) and rate (a drifting one),
 * both settable while the simulation runs so that a scenario can skew clocks; changing the rate
 * keeps the wall clock continuous, changing the offset makes it jump. Nothing here reads a real
 * clock.
 */
public final class SimClock implements Clock {
  private final Simulation sim;
  private final long monotonicBaseNanos;
  /** Wall time at {@link #anchorNanos} of virtual time. */
  private long anchorWallMicros;
  private long anchorNanos;
  private double rate = 1.0;

  SimClock(Simulation sim, long monotonicBaseNanos, long wallMicrosAtZero) {
    this.sim = sim;
    this.monotonicBaseNanos = monotonicBaseNanos;
    this.anchorWallMicros = wallMicrosAtZero;
    this.anchorNanos = 0;
  }

  @Override
  public long monotonicMillis() {
    return (monotonicBaseNanos + sim.now()) / 1_000_000;
  }

  @Override
  public long wallMicros() {
    long elapsedNanos = sim.now() - anchorNanos;
    long elapsedMicros = rate == 1.0 ? elapsedNanos / 1_000 : (long) (elapsedNanos * rate / 1_000);
    return anchorWallMicros + elapsedMicros;
  }

  /** Moves the wall clock by {@code deltaMicros} now (negative: back in time). */
  public void shiftWall(long deltaMicros) {
    reanchor();
    anchorWallMicros += deltaMicros;
  }

  /** The wall clock runs at {@code rate} times virtual time from now on (1.0: exact; 1.0001: 100 ppm fast). */
  public void setRate(double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("a clock rate must be positive and finite, not " + rate);
    }
    reanchor();
    this.rate = rate;
  }

  public double rate() {
    return rate;
  }

  /** How far this wall clock is ahead of the true (simulated) wall time, in microseconds. */
  public long offsetMicros() {
    return wallMicros() - (sim.wallMicrosAtZero() + sim.now() / 1_000);
  }

  private void reanchor() {
    anchorWallMicros = wallMicros();
    anchorNanos = sim.now();
  }
}
