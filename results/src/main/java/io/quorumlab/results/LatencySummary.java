package io.quorumlab.results;

/**
 * Latency percentiles of successful ({@code ok}) operations, in milliseconds, from an
 * HdrHistogram with 3 significant digits. All fields are 0 when {@code count == 0}.
 */
public record LatencySummary(long count, double mean, double p50, double p95, double p99, double p999, double max) {
  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0);
}
