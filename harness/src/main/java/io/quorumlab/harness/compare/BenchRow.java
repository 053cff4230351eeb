package io.quorumlab.harness.compare;

/**
 * One line of a JMH quorum-latency result: one operation of one configuration, in milliseconds.
 *
 * @param op "get" or "put"
 * @param config the benchmark's {@code config} parameter ("3/2/2")
 * @param conflicts the {@code conflicts} parameter ("lww", "siblings", "abd")
 * @param fault the {@code fault} parameter: "none", or "slow" (one replica's links slowed)
 * @param samples how many ops JMH sampled
 */
public record BenchRow(String op, String config, int n, int w, int r, String conflicts, String fault, long samples, double p50,
    double p90, double p95, double p99, double p999, double max) {}
