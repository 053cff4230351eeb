package io.quorumlab.harness.compare;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.gate.GateCase;
import java.util.List;

/**
 * A finished (or interrupted) {@code compare --seeds}.
 *
 * @param seeds seeds per configuration
 * @param rows one per configuration that ran all its seeds, in {@code --configs} order
 */
public record SeedCompareResult(ComparePlan plan, long seeds, List<SeedRow> rows, boolean interrupted, long startedAtEpochMs,
    long finishedAtEpochMs) implements ComparisonOutcome {
  public SeedCompareResult {
    rows = List.copyOf(rows);
  }

  public long firstSeed() {
    return plan.base().seed();
  }

  public long lastSeed() {
    return plan.base().seed() + seeds - 1;
  }

  List<GateCase> gateCases() {
    return rows.stream().map(SeedRow::gateCase).toList();
  }

  /**
   * As {@link CompareResult#exitCode}: with an expectation anywhere, 1 when one fails (or the
   * comparison was interrupted) else 0; otherwise every seed's verdict combined by {@link Verdict#and},
   * an interruption counting as one more unknown.
   */
  @Override
  public int exitCode() {
    if (plan.gated()) return interrupted ? 1 : Gate.exitCode(gateCases());
    Verdict all = Gate.verdict(gateCases());
    return (interrupted ? all.and(Verdict.UNKNOWN) : all).exitCode;
  }
}
