package io.quorumlab.harness.compare;

import io.quorumlab.harness.explore.ExplorePlan;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.Explorer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code compare --backend sim --seeds K}: each configuration over the same K seeds ({@code --seed}
 * S to S+K-1, so that seed i of every configuration draws the same ops and faults), every seed run
 * in memory by {@link Explorer} on every core, no run directory, no report; then the rates.
 */
public final class SeedComparison {
  /** Hears of each configuration's exploration. */
  public interface Listener {
    /** Before a configuration's seeds run; returns the listener for its seeds. */
    Explorer.Listener starting(int index, int total, ConfigSpec config);

    void finished(int index, int total, SeedRow row);
  }

  private final ComparePlan plan;
  private final long seeds;
  private final int threads;
  private volatile boolean interrupted;
  private volatile Explorer current;

  public SeedComparison(ComparePlan plan, long seeds, int threads) {
    this.plan = plan;
    this.seeds = seeds;
    this.threads = threads;
  }

  /** The exploration of {@code config}: all seeds, nothing written. */
  ExplorePlan explorePlan(ConfigSpec config) {
    return new ExplorePlan(plan.spec(config, 0), plan.base().seed(), seeds, false, true, threads, 0, plan.outRoot());
  }

  /** Refuses the comparison before anything runs when a configuration cannot run on the sim backend. */
  public void validate() {
    plan.validate();
    for (ConfigSpec c : plan.configs()) explorePlan(c).validate();
  }

  /** Ctrl-C: the configuration in progress stops; what finished is kept. */
  public void interrupt() {
    interrupted = true;
    Explorer e = current;
    if (e != null) e.interrupt();
  }

  public SeedCompareResult run(Listener listener) {
    validate();
    long started = System.currentTimeMillis();
    List<SeedRow> rows = new ArrayList<>();
    int total = plan.configs().size();
    for (int i = 0; i < total && !interrupted; i++) {
      ConfigSpec c = plan.configs().get(i);
      Explorer explorer = new Explorer(explorePlan(c));
      current = explorer;
      if (interrupted) explorer.interrupt();
      ExploreResult r = explorer.run(listener.starting(i + 1, total, c));
      current = null;
      if (r.interrupted()) break;
      SeedRow row = new SeedRow(c, plan.spec(c, 0), plan.expectOf(c), r);
      rows.add(row);
      listener.finished(i + 1, total, row);
    }
    return new SeedCompareResult(plan, seeds, rows, interrupted, started, System.currentTimeMillis());
  }
}
