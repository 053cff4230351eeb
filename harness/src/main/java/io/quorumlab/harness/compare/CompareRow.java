package io.quorumlab.harness.compare;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.gate.GateCase;
import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.gate.Judgement;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.RunResults;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One configuration's line in the comparison. With several runs (repeats) the numbers are medians
 * over runs, the availability counts are sums (their shares are then over every op), and the
 * verdict is given as counts.
 *
 * @param spec the spec of the first round (later rounds differ only in the seed)
 * @param expect the expectation in force for this configuration, or null
 * @param runs in the order they ran
 */
public record CompareRow(ConfigSpec config, RunSpec spec, Expectation expect, List<GateRun> runs) {
  public CompareRow {
    runs = List.copyOf(runs);
  }

  public String name() {
    return config.text();
  }

  public String settings() {
    return ConfigSpec.settings(spec);
  }

  public long count(Verdict v) {
    return runs.stream().filter(r -> r.results().verdict() == v).count();
  }

  /** Any invalid run: invalid; else any unknown: unknown; valid when every run is (unknown when none ran). */
  public Verdict verdict() {
    if (runs.isEmpty()) return Verdict.UNKNOWN;
    return Verdict.all(runs.stream().map(r -> r.results().verdict()).toList());
  }

  /** "invalid", or with repeats "invalid 2/3 (valid 1)". */
  public String verdictText() {
    if (runs.size() <= 1) return runs.isEmpty() ? "not run" : runs.get(0).results().verdict().wireName();
    StringBuilder b = new StringBuilder(verdict().wireName()).append(' ').append(count(verdict())).append('/').append(runs.size());
    StringBuilder rest = new StringBuilder();
    for (Verdict v : Verdict.values()) {
      if (v != verdict() && count(v) > 0) rest.append(rest.length() == 0 ? "" : ", ").append(v.wireName()).append(' ').append(count(v));
    }
    return rest.length() == 0 ? b.toString() : b + " (" + rest + ")";
  }

  /** Anomaly type to count (the median over runs when repeated), sorted by type. */
  public Map<String, Double> anomalies() {
    TreeSet<String> types = new TreeSet<>();
    runs.forEach(r -> types.addAll(r.results().anomalies().keySet()));
    Map<String, Double> out = new TreeMap<>();
    for (String t : types) out.put(t, Medians.of(runs, r -> r.results().anomalies().getOrDefault(t, 0L)));
    return out;
  }

  /** Total anomalies (the median of per-run totals when repeated). */
  public double anomalyCount() {
    return Medians.of(runs, r -> r.results().anomalyCount());
  }

  public Outcomes duringFaults() {
    return sum(RunResults::duringFaults);
  }

  public Outcomes outsideFaults() {
    return sum(RunResults::outsideFaults);
  }

  public LatencySummary readLatency() {
    return medianLatency(RunResults::readLatency);
  }

  public LatencySummary writeLatency() {
    return medianLatency(RunResults::writeLatency);
  }

  /** ok ops per second of the load (median over runs). */
  public double throughput() {
    return Medians.of(runs, r -> r.results().throughput());
  }

  public GateCase gateCase(String workload) {
    return new GateCase(name(), settings(), workload, expect, runs);
  }

  /** The gate's judgement, or null when no expectation is in force. */
  public Judgement judgement() {
    return expect == null ? null : Gate.judge(gateCase(spec.workload()));
  }

  private Outcomes sum(Function<RunResults, Outcomes> f) {
    Outcomes o = Outcomes.NONE;
    for (GateRun r : runs) o = o.plus(f.apply(r.results()));
    return o;
  }

  private LatencySummary medianLatency(Function<RunResults, LatencySummary> f) {
    List<LatencySummary> l = runs.stream().map(r -> f.apply(r.results())).toList();
    return new LatencySummary(Math.round(Medians.of(l, LatencySummary::count)), Medians.of(l, LatencySummary::mean),
        Medians.of(l, LatencySummary::p50), Medians.of(l, LatencySummary::p95), Medians.of(l, LatencySummary::p99),
        Medians.of(l, LatencySummary::p999), Medians.of(l, LatencySummary::max));
  }
}
