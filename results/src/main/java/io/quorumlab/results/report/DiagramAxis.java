package io.quorumlab.results.report;

import java.util.Arrays;
import java.util.Collection;

/**
 * The message diagram's time axis. A simulated run spends microseconds on a message and hundreds of
 * milliseconds between operations, so a linear axis would show either the messages or the run,
 * never both. Here every instant at which something happens gets a place, in time order, and the
 * gap to the next grows with the logarithm of the time between them: arrows within one operation
 * stay apart, an idle second takes little more room than a millisecond, and order is never lost.
 * Gaps longer than {@link #BREAK_NANOS} are marked as breaks with their length.
 */
final class DiagramAxis {
  /** Gaps at least this long are labelled on the axis ("+199.8 ms"). */
  static final long BREAK_NANOS = 5_000_000;
  static final double START = 14;
  private static final double END_MARGIN = 40;

  private final long[] times;
  private final double[] xs;

  DiagramAxis(Collection<Long> instants) {
    times = instants.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    xs = new double[times.length];
    double x = START;
    for (int i = 0; i < times.length; i++) {
      if (i > 0) x += gap(times[i] - times[i - 1]);
      xs[i] = x;
    }
  }

  /**
   * Room between two instants {@code nanos} apart: none for the same instant, else 6 px plus 16 px
   * per decade of microseconds (a 60 µs hop 35 px, a millisecond 54 px, an idle 200 ms 91 px).
   */
  static double gap(long nanos) {
    return nanos <= 0 ? 0 : 6 + 16 * Math.log10(1 + nanos / 1_000.0);
  }

  /** Where {@code t} is: its own place when it is an instant of the axis, else between its neighbours. */
  double x(long t) {
    if (times.length == 0) return START;
    int i = Arrays.binarySearch(times, t);
    if (i >= 0) return xs[i];
    int after = -i - 1;
    if (after == 0) return xs[0];
    if (after == times.length) return xs[times.length - 1];
    double share = (double) (t - times[after - 1]) / (times[after] - times[after - 1]);
    return xs[after - 1] + share * (xs[after] - xs[after - 1]);
  }

  /** The x just past the last instant (where messages still in flight end). */
  double end() {
    return (times.length == 0 ? START : xs[times.length - 1]) + END_MARGIN / 2;
  }

  double width() {
    return end() + END_MARGIN / 2;
  }

  int size() {
    return times.length;
  }

  long time(int i) {
    return times[i];
  }

  double xAt(int i) {
    return xs[i];
  }
}
