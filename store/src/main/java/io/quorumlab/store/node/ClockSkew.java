package io.quorumlab.store.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How wrong a node's wall clock is set, from the moment it is set: {@code offsetMicros} ahead of
 * true time (negative: behind), gaining {@code rate - 1} microseconds per true microsecond (drift),
 * and, when {@code strobeMicros} is not zero, jumping {@code strobeMicros} ahead and back again
 * every {@code strobePeriodMicros} (a strobe: first half-period ahead, next one not, and so on).
 */
public record ClockSkew(long offsetMicros, double rate, long strobeMicros, long strobePeriodMicros) {
  /** The largest offset or strobe accepted, either way: ten years. */
  public static final long MAX_OFFSET_MICROS = 10L * 366 * 24 * 3600 * 1_000_000;
  /** The fastest rate accepted, and as its inverse the slowest. */
  public static final double MAX_RATE = 1000;
  public static final long MIN_STROBE_PERIOD_MICROS = 1_000;
  public static final long MAX_STROBE_PERIOD_MICROS = 3_600_000_000L;

  public static final ClockSkew NONE = new ClockSkew(0, 1.0, 0, 0);

  /** @throws IllegalArgumentException when a bound is crossed, saying which */
  public ClockSkew {
    if (Math.abs(offsetMicros) > MAX_OFFSET_MICROS) {
      throw new IllegalArgumentException("a clock offset must be within ten years (" + MAX_OFFSET_MICROS + " µs), not " + offsetMicros);
    }
    if (!(rate >= 1 / MAX_RATE && rate <= MAX_RATE)) {
      throw new IllegalArgumentException("a clock rate must be between " + 1 / MAX_RATE + " and " + MAX_RATE + ", not " + rate);
    }
    if (Math.abs(strobeMicros) > MAX_OFFSET_MICROS) {
      throw new IllegalArgumentException("a clock strobe must be within ten years (" + MAX_OFFSET_MICROS + " µs), not " + strobeMicros);
    }
    if (strobeMicros == 0 ? strobePeriodMicros != 0
        : strobePeriodMicros < MIN_STROBE_PERIOD_MICROS || strobePeriodMicros > MAX_STROBE_PERIOD_MICROS) {
      throw new IllegalArgumentException(strobeMicros == 0 ? "a strobe period needs a strobe, not 0 µs"
          : "a strobe period must be between 1 ms and 1 h, not " + strobePeriodMicros + " µs");
    }
  }

  public static ClockSkew offset(long offsetMicros) {
    return new ClockSkew(offsetMicros, 1.0, 0, 0);
  }

  public static ClockSkew rate(double rate) {
    return new ClockSkew(0, rate, 0, 0);
  }

  public static ClockSkew strobe(long strobeMicros, long periodMicros) {
    return new ClockSkew(0, 1.0, strobeMicros, periodMicros);
  }

  public boolean isNone() {
    return equals(NONE);
  }

  /** How far ahead of true time the wall clock is {@code elapsedMicros} of true time after this skew was set. */
  public long offsetAfter(long elapsedMicros) {
    long drift = rate == 1.0 ? 0 : (long) (elapsedMicros * (rate - 1));
    return offsetMicros + drift + strobeAfter(elapsedMicros);
  }

  /** The strobe's share of {@link #offsetAfter}: {@code strobeMicros} in even half-periods, else 0. */
  public long strobeAfter(long elapsedMicros) {
    if (strobeMicros == 0 || elapsedMicros < 0) return 0;
    return (elapsedMicros / strobePeriodMicros) % 2 == 0 ? strobeMicros : 0;
  }

  /** For people: "offset -300 s", "rate 2.0", "strobe +10 s every 100 ms", or "true time". */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (offsetMicros != 0) parts.add("offset " + signedSeconds(offsetMicros));
    if (rate != 1.0) parts.add("rate " + rate);
    if (strobeMicros != 0) parts.add("strobe " + signedSeconds(strobeMicros) + " every " + strobePeriodMicros / 1000.0 + " ms");
    return parts.isEmpty() ? "true time" : String.join(", ", parts);
  }

  private static String signedSeconds(long micros) {
    return (micros >= 0 ? "+" : "-") + String.format(Locale.ROOT, "%s s", Math.abs(micros) / 1e6);
  }
}
