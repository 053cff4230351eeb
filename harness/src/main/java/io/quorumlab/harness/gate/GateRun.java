package io.quorumlab.harness.gate;

import io.quorumlab.results.RunResults;
import java.nio.file.Path;

/**
 * One finished run as the gate judges it.
 *
 * @param seed the run's seed (repeats of one configuration differ only in it)
 * @param runDir the run's directory, with its report
 * @param results what the run concluded
 */
public record GateRun(long seed, Path runDir, RunResults results) {}
