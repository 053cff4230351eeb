package io.quorumlab.store.node;

/**
 * The clock of a node process whose wall clock a test may skew: true wall time from {@code base}
 * plus the {@link ClockSkew}'s offset, where drift and strobe accrue on the monotonic clock since
 * the skew was set. The monotonic clock is the base's, unskewed. Thread-safe: the skew and the
 * moment it was set are one immutable value, replaced whole.
 */
public final class SkewedClock implements AdjustableClock {
  private record Setting(ClockSkew skew, long setAtMillis) {}

  private final Clock base;
  private volatile Setting setting;

  public SkewedClock(Clock base) {
    this.base = base;
    this.setting = new Setting(ClockSkew.NONE, base.monotonicMillis());
  }

  @Override
  public long monotonicMillis() {
    return base.monotonicMillis();
  }

  @Override
  public long wallMicros() {
    return base.wallMicros() + offsetMicros();
  }

  @Override
  public void set(ClockSkew skew) {
    setting = new Setting(skew, base.monotonicMillis());
  }

  @Override
  public ClockSkew skew() {
    return setting.skew();
  }

  @Override
  public long offsetMicros() {
    Setting s = setting;
    return s.skew().offsetAfter((base.monotonicMillis() - s.setAtMillis()) * 1_000);
  }
}
