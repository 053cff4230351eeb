package io.quorumlab.harness.compare;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.explore.Wilson;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.gate.GateCase;
import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.gate.Judgement;
import io.quorumlab.harness.run.RunSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration's line in {@code compare --seeds}: over its seeds, the share that found
 * anomalies and the share showing each anomaly class, each with a 95% Wilson interval, and the
 * medians over seeds of each seed's simulated read and write p50.
 *
 * @param spec the spec of the first seed (the others differ only in the seed)
 * @param expect the expectation in force for this configuration, or null
 */
public record SeedRow(ConfigSpec config, RunSpec spec, Expectation expect, ExploreResult seeds) {
  public String name() {
    return config.text();
  }

  public String settings() {
    return ConfigSpec.settings(spec);
  }

  public long seedsRun() {
    return seeds.seedsRun();
  }

  public Wilson.Interval failing() {
    return seeds.failureRate();
  }

  public long unknown() {
    return seeds.unknowns().size();
  }

  public Map<String, Wilson.Interval> classes() {
    return seeds.classRates();
  }

  public Optional<SeedOutcome> firstFailure() {
    return seeds.firstFailure();
  }

  /** Median over seeds (with ok reads) of each seed's read p50, simulated ms; NaN when no seed had one. */
  public double readP50() {
    return medianP50(SeedOutcome::readP50Ms);
  }

  public double writeP50() {
    return medianP50(SeedOutcome::writeP50Ms);
  }

  public Verdict verdict() {
    return seeds.verdict();
  }

  /** The gate over seeds: valid means no seed failed, invalid that at least one did; an unknown seed fails either. */
  public Judgement judgement() {
    return expect == null ? null : Gate.judge(gateCase());
  }

  GateCase gateCase() {
    List<GateRun> runs = seeds.outcomes().stream().map(o -> new GateRun(o.seed(), o.runDir(), o.results())).toList();
    return new GateCase(name(), settings(), spec.workload(), expect, runs);
  }

  private double medianP50(java.util.function.ToDoubleFunction<SeedOutcome> f) {
    List<SeedOutcome> with = seeds.outcomes().stream().filter(o -> !Double.isNaN(f.applyAsDouble(o))).toList();
    return with.isEmpty() ? Double.NaN : Medians.of(with, f);
  }
}
