package io.quorumlab.harness.explore;

import java.util.Locale;

/**
 * The Wilson score interval for a binomial proportion: how sure {@code k} failing seeds out of
 * {@code n} make us of the true failure rate. Unlike the normal approximation it stays inside
 * [0, 1] and is useful at 0 of n (the upper bound is what "no seed failed" still allows).
 */
public final class Wilson {
  /** The standard normal quantile for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /**
   * @param k successes (here: seeds showing the anomaly)
   * @param n trials (seeds run)
   * @param low the lower bound
   * @param high the upper bound
   */
  public record Interval(long k, long n, double low, double high) {
    public double rate() {
      return n == 0 ? 0 : (double) k / n;
    }

    /** "12.0% [9.1, 15.6]", in percent. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s%% [%s, %s]", pct(rate()), pct(low), pct(high));
    }

    private static String pct(double share) {
      return String.format(Locale.ROOT, "%.1f", share * 100);
    }
  }

  private Wilson() {}

  /** The 95% interval of {@code k} in {@code n}; [0, 1] when nothing ran. */
  public static Interval of95(long k, long n) {
    return of(k, n, Z95);
  }

  /** The interval of {@code k} in {@code n} at normal quantile {@code z}. */
  public static Interval of(long k, long n, double z) {
    if (n < 0 || k < 0 || k > n) throw new IllegalArgumentException("need 0 <= k <= n, not k=" + k + " n=" + n);
    if (n == 0) return new Interval(0, 0, 0, 1);
    double p = (double) k / n;
    double z2 = z * z;
    double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
    double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    // At k = 0 and k = n the bounds are exactly 0 and 1; rounding must not move them off.
    double low = k == 0 ? 0 : Math.max(0, centre - half);
    double high = k == n ? 1 : Math.min(1, centre + half);
    return new Interval(k, n, low, high);
  }
}
