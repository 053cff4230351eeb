package io.quorumlab.results;

/**
 * One second of a run, by completion time: completed client ops by outcome, and ok-latency
 * quantiles in ms of the reads and writes that completed in it (null when none did).
 *
 * @param second start of the bucket, in whole seconds since the run started
 */
public record TimeBucket(
    long second,
    long ok,
    long fail,
    long info,
    Double readP50,
    Double readP99,
    Double writeP50,
    Double writeP99) {}
