package io.quorumlab.harness.explore;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.sim.SimBackend;
import java.nio.file.Path;

/**
 * What {@code quorumlab explore} runs: seeds {@code firstSeed .. firstSeed + seeds - 1} of one
 * scenario, each on the sim backend.
 *
 * @param base the scenario; its seed is replaced by each seed's
 * @param swarm vary the scenario per seed ({@link Swarm})
 * @param all run every seed, not only up to the first failure
 * @param threads seeds run at once, each on a thread of its own
 * @param saveFailures failing seeds that get a run directory (the first ones, by seed); the others are
 *     listed with the command that runs them
 * @param outRoot where the run directories of failing seeds go ({@code runs})
 */
public record ExplorePlan(RunSpec base, long firstSeed, long seeds, boolean swarm, boolean all, int threads, int saveFailures,
    Path outRoot) {
  public static final long MAX_SEEDS = 1_000_000_000L;
  public static final int MAX_THREADS = 1024;

  /** The spec seed {@code seed} runs. */
  public RunSpec spec(long seed) {
    return swarm ? Swarm.draw(base, seed) : base.withSeed(seed);
  }

  /** The i-th seed (0-based). */
  public long seed(long i) {
    return firstSeed + i;
  }

  /** @throws SpecException naming what is wrong, before any seed runs */
  public void validate() {
    if (!SimBackend.NAME.equals(base.backend())) {
      throw new SpecException("explore runs on the sim backend only (--backend sim), not " + base.backend()
          + ": only a simulation is a function of its seed, so that a failing seed can be replayed");
    }
    if (seeds < 1 || seeds > MAX_SEEDS) throw new SpecException("--seeds must be between 1 and " + MAX_SEEDS + ", not " + seeds);
    if (firstSeed < 0 || firstSeed > Long.MAX_VALUE - seeds) {
      throw new SpecException("--first-seed must be at least 0 and leave room for " + seeds + " seeds, not " + firstSeed);
    }
    if (threads < 1 || threads > MAX_THREADS) throw new SpecException("--threads must be between 1 and " + MAX_THREADS + ", not " + threads);
    if (saveFailures < 0) throw new SpecException("--save-failures must be at least 0, not " + saveFailures);
    Runner.validate(spec(firstSeed));
  }
}
