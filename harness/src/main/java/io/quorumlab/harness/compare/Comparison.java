package io.quorumlab.harness.compare;

import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link ComparePlan}: each configuration on a fresh cluster (one {@link Runner} run each),
 * round by round, so that in every round the configurations share a seed and therefore their ops
 * and fault schedule, and a machine that gets busier midway slows every configuration alike.
 */
public final class Comparison {
  /** Hears about each run; {@link #sink} receives the run's own progress. */
  public interface Listener {
    void starting(int index, int total, ConfigSpec config, RunSpec spec);

    ProgressSink sink();

    void finished(int index, int total, ConfigSpec config, RunSpec spec, RunOutcome outcome);
  }

  private final ComparePlan plan;
  private volatile boolean interrupted;
  private volatile Runner current;

  public Comparison(ComparePlan plan) {
    this.plan = plan;
  }

  /** Ctrl-C: the run in progress stops as {@code quorumlab run} would, and no further run starts. */
  public void interrupt() {
    interrupted = true;
    Runner r = current;
    if (r != null) r.interrupt();
  }

  public CompareResult run(Listener listener) {
    plan.validate();
    long started = System.currentTimeMillis();
    Map<ConfigSpec, List<GateRun>> runs = new LinkedHashMap<>();
    plan.configs().forEach(c -> runs.put(c, new ArrayList<>()));
    int total = plan.configs().size() * plan.repeat();
    int index = 0;
    for (int round = 0; round < plan.repeat() && !interrupted; round++) {
      for (ConfigSpec c : plan.configs()) {
        if (interrupted) break;
        index++;
        RunSpec spec = plan.spec(c, round);
        listener.starting(index, total, c, spec);
        Runner runner = new Runner(spec, plan.outRoot(), listener.sink());
        current = runner;
        if (interrupted) runner.interrupt();
        RunOutcome outcome = runner.run();
        current = null;
        runs.get(c).add(new GateRun(spec.seed(), outcome.runDir(), outcome.results()));
        listener.finished(index, total, c, spec, outcome);
      }
    }
    List<CompareRow> rows = new ArrayList<>();
    runs.forEach((c, list) -> {
      if (!list.isEmpty()) rows.add(new CompareRow(c, plan.spec(c, 0), plan.expectOf(c), list));
    });
    return new CompareResult(plan, rows, interrupted, started, System.currentTimeMillis(), null);
  }
}
