package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Op;
import java.util.Locale;

/** Op times as the stale-read checker measures them: nanoseconds, -1 when the history has none. */
final class Times {
  private Times() {}

  /**
   * When an op really began: its {@code sent} time where the history has one (quorumlab's open-loop
   * load generator records the scheduled send time as {@code time} and the actual one as
   * {@code sent} when they differ), else its {@code time}.
   */
  static long startOf(Op invoke) {
    return invoke.extra().get("sent") instanceof Number n ? n.longValue() : invoke.time();
  }

  /** {@code to - from}, or -1 when either is unknown. */
  static long between(long from, long to) {
    return from < 0 || to < 0 ? -1 : Math.max(0, to - from);
  }

  /** " at 12.345 s", or nothing when unknown. */
  static String at(long nanos) {
    return nanos < 0 ? "" : " at " + seconds(nanos);
  }

  static String seconds(long nanos) {
    return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
  }

  /** A duration as a person reads it: "87 µs", "513 ms", "4.6 s". */
  static String duration(long nanos) {
    if (nanos < 1_000_000L) return nanos / 1_000 + " µs";
    if (nanos < 1_000_000_000L) return nanos / 1_000_000 + " ms";
    return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
