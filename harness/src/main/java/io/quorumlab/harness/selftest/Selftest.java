package io.quorumlab.harness.selftest;

import io.quorumlab.harness.explore.ExplorePlan;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.Explorer;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.store.mutation.Mutant;
import io.quorumlab.store.mutation.Mutants;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs each mutant's scenario over seeds in the simulation with the mutant planted in every node,
 * and every scenario involved over seeds with the store as written, through the explore package's
 * parallel seed runner. Every seed runs (a rate needs them all); nothing is written to disk.
 */
public final class Selftest {
  /** Hears of progress; calls are serialised per exploration. */
  public interface Listener {
    /** An exploration starts: {@code mutant} null for the store as written. */
    void starting(Mutant mutant, Scenario scenario, long seeds);

    /** A seed finished. */
    void finished(SeedOutcome outcome, long done, long failures);
  }

  /**
   * @param mutants the mutants to run (each on its {@link Catalogue#scenario})
   * @param firstSeed the first seed of every exploration
   * @param seeds seeds per mutant
   * @param baselineSeeds seeds per scenario with no mutant (0: none)
   * @param threads seeds run at once
   */
  public record Plan(List<Mutant> mutants, long firstSeed, long seeds, long baselineSeeds, int threads) {
    public Plan {
      mutants = List.copyOf(mutants);
    }
  }

  /** The outcome: per mutant its detections, per scenario the unmutated store's seeds. */
  public record Result(Map<Mutant, Detections> mutants, Map<Scenario, ExploreResult> baseline, boolean interrupted) {
    /** Mutants no seed caught. */
    public List<Mutant> missed() {
      return mutants.entrySet().stream().filter(e -> !e.getValue().caught()).map(Map.Entry::getKey).toList();
    }

    /** Scenarios in which the store as written was not valid in every seed. */
    public List<Scenario> baselineFailures() {
      return baseline.entrySet().stream().filter(e -> !e.getValue().failures().isEmpty() || !e.getValue().unknowns().isEmpty())
          .map(Map.Entry::getKey).toList();
    }

    /**
     * 1 when the store as written failed somewhere; else 2 when interrupted (a mutant cut short proves
     * nothing); else 1 when a mutant was not caught, 0 when every one was.
     */
    public int exitCode() {
      if (!baselineFailures().isEmpty()) return 1;
      if (interrupted) return 2;
      return missed().isEmpty() ? 0 : 1;
    }
  }

  private final Plan plan;
  private final Function<Scenario, RunSpec> specs;
  private volatile Explorer current;
  private volatile boolean interrupted;

  /** @param specs the run a scenario's options describe (the seed is replaced per seed) */
  public Selftest(Plan plan, Function<Scenario, RunSpec> specs) {
    this.plan = plan;
    this.specs = specs;
  }

  /** Ctrl-C: stops the running exploration and starts no other. */
  public void interrupt() {
    interrupted = true;
    Explorer e = current;
    if (e != null) e.interrupt();
  }

  /** @throws io.quorumlab.harness.SpecException when a scenario, the seed range or the threads are not runnable */
  public void validate() {
    for (Scenario s : Catalogue.scenarios(plan.mutants())) plan(s, Math.max(plan.seeds(), plan.baselineSeeds())).validate();
  }

  /** @throws io.quorumlab.harness.SpecException as {@link #validate} does, before any seed runs */
  public Result run(Listener listener) {
    validate();
    Map<Mutant, Detections> mutants = new LinkedHashMap<>();
    for (Mutant m : plan.mutants()) {
      if (interrupted || plan.seeds() == 0) break;
      Scenario s = Catalogue.scenario(m);
      listener.starting(m, s, plan.seeds());
      mutants.put(m, new Detections(explore(plan(s, plan.seeds()), Mutants.of(m), listener)));
    }
    Map<Scenario, ExploreResult> baseline = new LinkedHashMap<>();
    for (Scenario s : Catalogue.scenarios(plan.mutants())) {
      if (interrupted || plan.baselineSeeds() == 0) break;
      listener.starting(null, s, plan.baselineSeeds());
      baseline.put(s, explore(plan(s, plan.baselineSeeds()), Mutants.NONE, listener));
    }
    return new Result(mutants, baseline, interrupted);
  }

  private ExplorePlan plan(Scenario s, long seeds) {
    return new ExplorePlan(specs.apply(s).withSeed(plan.firstSeed()), plan.firstSeed(), seeds, false, true, plan.threads(), 0,
        Path.of("runs"));
  }

  private ExploreResult explore(ExplorePlan p, Mutants mutants, Listener listener) {
    Explorer e = new Explorer(p, () -> SimBackend.mutated(mutants));
    current = e;
    if (interrupted) e.interrupt();
    try {
      return e.run(new Explorer.Listener() {
        @Override
        public void finished(SeedOutcome outcome, long done, long failures) {
          listener.finished(outcome, done, failures);
        }

        @Override
        public void note(String line) {
          // Nothing is written (saveFailures 0), so no seed is replayed.
        }
      });
    } finally {
      current = null;
    }
  }
}
