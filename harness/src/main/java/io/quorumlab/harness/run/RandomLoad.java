package io.quorumlab.harness.run;

import io.quorumlab.harness.RunLimits;
import io.quorumlab.harness.SpecException;

/**
 * Ops drawn from the workload's generator (seeded by the run's seed), sent at a fixed rate by
 * {@code concurrency} processes.
 *
 * @param rate ops per second scheduled (open loop); 0 for closed loop
 * @param concurrency logical processes with an op in flight at once
 */
public record RandomLoad(double rate, int concurrency) implements LoadSource {

  /** @throws SpecException naming the option that is out of range */
  public RandomLoad {
    if (!(rate >= 0 && rate <= RunLimits.MAX_RATE)) {
      throw new SpecException("--rate must be 0 (as fast as the processes can) or up to " + RunLimits.number(RunLimits.MAX_RATE)
          + " ops per second, not " + RunLimits.number(rate));
    }
    if (concurrency < 1 || concurrency > RunLimits.MAX_CONCURRENCY) {
      throw new SpecException("--concurrency must be between 1 and " + RunLimits.MAX_CONCURRENCY + ", not " + concurrency);
    }
  }
}
