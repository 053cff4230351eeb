package io.quorumlab.store.node;

/**
 * A {@link Clock} whose wall clock can be set wrong on purpose, as a clock nemesis does (per
 * process, as libfaketime does; the host's clock is never touched). Only the wall clock (lww
 * stamps and what users see) is skewed; the monotonic clock, which failure detection, gossip rounds
 * and timeouts use, runs on untouched.
 */
public interface AdjustableClock extends Clock {

  /** From now on the wall clock is skewed as {@code skew} says ({@link ClockSkew#NONE}: true time again). */
  void set(ClockSkew skew);

  /** The skew last set. */
  ClockSkew skew();

  /** How far the wall clock is ahead of true time now (negative: behind), in microseconds. */
  long offsetMicros();
}
