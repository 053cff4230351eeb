package io.quorumlab.sim;

import java.util.random.RandomGenerator;

/** A distribution of one-way message latency, in nanoseconds of virtual time. */
@FunctionalInterface
public interface Latency {

  long sampleNanos(RandomGenerator random);

  /** Always {@code nanos}. */
  static Latency constant(long nanos) {
    if (nanos < 0) {
      throw new IllegalArgumentException("latency must not be negative, not " + nanos + " ns");
    }
    return random -> nanos;
  }

  /** Uniform in [{@code minNanos}, {@code maxNanos}]. */
  static Latency uniform(long minNanos, long maxNanos) {
    if (minNanos < 0 || maxNanos < minNanos) {
      throw new IllegalArgumentException("latency range must satisfy 0 <= min <= max, not " + minNanos + ".." + maxNanos);
    }
    return random -> minNanos + random.nextLong(maxNanos - minNanos + 1);
  }

  /**
   * {@code floorNanos} plus a log-normal part with the given median and shape {@code sigma}: most
   * messages close to the median, a long right tail (the 99th percentile of the log-normal part is
   * {@code median * e^(2.33 sigma)}).
   */
  static Latency logNormal(long floorNanos, long medianNanos, double sigma) {
    if (floorNanos < 0 || medianNanos <= 0 || !(sigma >= 0)) {
      throw new IllegalArgumentException("log-normal latency needs floor >= 0, median > 0, sigma >= 0");
    }
    double mu = Math.log(medianNanos);
    return random -> floorNanos + (long) Math.exp(mu + sigma * random.nextGaussian());
  }

  /**
   * Like the local backend on loopback, where a put at N=3 W=1 (two one-way hops when the
   * coordinator is a replica) takes about 0.15 ms at the median and 0.4 ms at p99: 20 µs plus a
   * log-normal part of median 40 µs, so one hop takes about 60 µs at p50, 135 µs at p99 and 180 µs
   * at p99.9.
   */
  static Latency loopback() {
    return logNormal(20_000, 40_000, 0.45);
  }
}
