package io.quorumlab.sim;

import io.quorumlab.store.node.AdjustableClock;
import io.quorumlab.store.node.ClockSkew;

/**
 * One simulated machine's clocks, read off virtual time. The monotonic clock runs at the rate of
 * virtual time. The wall clock has its own offset (a badly set clock) and rate (a drifting one),
 * both settable while the simulation runs so that a scenario can skew clocks; changing the rate
 * keeps the wall clock continuous, changing the offset makes it jump. Nothing here reads a real
 * clock.
 */
public final class SimClock implements AdjustableClock {
  private final Simulation sim;
  private final long monotonicBaseNanos;
  /** Wall time at {@link #anchorNanos} of virtual time. */
  private long anchorWallMicros;
  private long anchorNanos;
  private double rate = 1.0;
  /** The skew last {@link #set}; its strobe runs from {@link #skewSetNanos}. */
  private ClockSkew skew = ClockSkew.NONE;
  private long skewSetNanos;

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
    return smoothWallMicros() + skew.strobeAfter((sim.now() - skewSetNanos) / 1_000);
  }

  /** The wall clock without the strobe: continuous but for {@link #shiftWall}. */
  private long smoothWallMicros() {
    long elapsedNanos = sim.now() - anchorNanos;
    long elapsedMicros = rate == 1.0 ? elapsedNanos / 1_000 : (long) (elapsedNanos * rate / 1_000);
    return anchorWallMicros + elapsedMicros;
  }

  /** Jumps the wall clock to {@code skew}'s offset from true (simulated) time, at its rate and with its strobe from now. */
  @Override
  public void set(ClockSkew skew) {
    this.skew = ClockSkew.NONE;
    shiftWall(skew.offsetMicros() - offsetMicros());
    setRate(skew.rate());
    this.skew = skew;
    this.skewSetNanos = sim.now();
  }

  @Override
  public ClockSkew skew() {
    return skew;
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
  @Override
  public long offsetMicros() {
    return wallMicros() - (sim.wallMicrosAtZero() + sim.now() / 1_000);
  }

  private void reanchor() {
    anchorWallMicros = smoothWallMicros();
    anchorNanos = sim.now();
  }
}
