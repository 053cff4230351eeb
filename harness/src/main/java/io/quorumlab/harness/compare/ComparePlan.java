package io.quorumlab.harness.compare;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.run.StoreSettings;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.nio.file.Path;
import java.util.List;

/**
 * What a comparison runs: every configuration against the same workload, fault schedule and seed;
 * with {@code repeat} K, K rounds, round i with seed {@code base.seed() + i} for every configuration,
 * so each round is a paired comparison.
 *
 * @param base every run option (workload, nemesis, time limit, rate, seed...); its N/W/R and
 *     the modes a configuration gives are replaced per configuration (so its own N/W/R mean nothing)
 * @param commandReadRepair {@code --read-repair} when given, else null (see {@link ConfigSpec#applyTo})
 * @param expect the command's {@code --expect}, or null
 * @param outRoot where runs go ({@code runs}); the comparison itself goes to {@code outRoot/compare/<timestamp>/}
 */
public record ComparePlan(RunSpec base, ReadRepair commandReadRepair, List<ConfigSpec> configs, int repeat, Expectation expect,
    Path outRoot) {
  public static final int MAX_REPEAT = 100;
  /**
   * The store settings of configurations that do not give them: the run's, but with strict quorums,
   * so that {@code 3/2/2} and {@code 3/2/2:sloppy} differ.
   */
  public static final StoreSettings DEFAULT_STORE = RunSpec.DEFAULT_STORE.withModes(Quorum.STRICT, RunSpec.DEFAULT_STORE.readRepair(),
      RunSpec.DEFAULT_STORE.conflicts(), RunSpec.DEFAULT_STORE.fsync());

  public ComparePlan {
    configs = List.copyOf(configs);
  }

  /** The spec of {@code config}'s run in round {@code round} (0-based). */
  public RunSpec spec(ConfigSpec config, int round) {
    return config.applyTo(base, commandReadRepair).withSeed(seed(round));
  }

  public long seed(int round) {
    return base.seed() + round;
  }

  /** The configuration's own expectation, else the command's, else null. */
  public Expectation expectOf(ConfigSpec config) {
    return config.expect() != null ? config.expect() : expect;
  }

  public boolean gated() {
    return expect != null || configs.stream().anyMatch(c -> c.expect() != null);
  }

  /**
   * Refuses the whole comparison before any cluster starts when one configuration cannot run.
   *
   * @throws SpecException naming the configuration
   */
  public void validate() {
    if (configs.isEmpty()) throw new SpecException("--configs names no configuration");
    if (repeat < 1 || repeat > MAX_REPEAT) throw new SpecException("--repeat must be between 1 and " + MAX_REPEAT + ", not " + repeat);
    Runner.validate(base); // the command's own options, before they are blamed on a configuration
    for (ConfigSpec c : configs) {
      try {
        Runner.validate(spec(c, 0));
      } catch (SpecException e) {
        throw new SpecException("configuration '" + c.text() + "': " + e.getMessage());
      }
    }
  }
}
