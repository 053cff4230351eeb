package io.quorumlab.harness.gate;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.RunResults;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Judges runs against expectations and derives the exit code.
 *
 * <p>{@code valid}: every run is valid. {@code invalid}: at least one run found an anomaly (they
 * are found by chance, so with {@code --repeat K} one catch in K runs shows the gate still bites).
 * Either way an unknown verdict (a checker gave up, the run crashed or was interrupted) fails:
 * a gate must not pass on a run it could not judge.
 */
public final class Gate {
  private Gate() {}

  public static Judgement judge(GateCase c) {
    Expectation expect = c.effectiveExpect();
    if (c.runs().isEmpty()) return new Judgement(false, "expected " + expect.wireName() + ", but nothing ran");
    for (GateRun run : c.runs()) {
      if (run.results().verdict() == Verdict.UNKNOWN) {
        return new Judgement(false, "expected " + expect.wireName() + ", but the run with seed " + run.seed()
            + " has no verdict (" + unknownReason(run.results()) + "); a run that could not be judged cannot pass a gate");
      }
    }
    int runs = c.runs().size();
    List<GateRun> invalid = c.runs().stream().filter(r -> r.results().verdict() == Verdict.INVALID).toList();
    if (expect == Expectation.VALID) {
      if (invalid.isEmpty()) {
        return new Judgement(true, "expected valid; no anomaly in " + plural(runs, "run"));
      }
      GateRun first = invalid.get(0);
      String who = runs == 1 ? "the run with seed " + first.seed() + " found anomalies"
          : invalid.size() + " of " + runs + " runs found anomalies, first the one with seed " + first.seed();
      return new Judgement(false, "expected valid, but " + who + " (" + anomalies(first.results()) + ")");
    }
    if (invalid.isEmpty()) {
      return new Judgement(false, "expected invalid, but " + (runs == 1 ? "the run found no anomaly" : "none of " + runs + " runs found an anomaly")
          + ", so this gate could not catch what the configuration loses; give it more time or faults "
          + "(--time-limit, --nemesis), or check the checkers");
    }
    return new Judgement(true, "expected invalid; anomalies caught in " + invalid.size() + " of " + plural(runs, "run")
        + " (" + anomalies(invalid.get(0).results()) + ")");
  }

  /**
   * The exit code of a gated command: when any expectation was given, 1 if one fails, else 0;
   * otherwise the verdicts of all runs combined by {@link Verdict#and} (invalid beats unknown).
   */
  public static int exitCode(List<GateCase> cases) {
    boolean gated = cases.stream().anyMatch(c -> c.expect() != null);
    if (gated) {
      return cases.stream().filter(c -> c.expect() != null).allMatch(c -> judge(c).passed()) ? 0 : 1;
    }
    return verdict(cases).exitCode;
  }

  /** The verdicts of all runs of all cases, combined by {@link Verdict#and}. */
  public static Verdict verdict(List<GateCase> cases) {
    return Verdict.all(cases.stream().flatMap(c -> c.runs().stream()).map(r -> r.results().verdict()).toList());
  }

  /** "nonlinearizable-key 1, stale-read 52", or "none counted" when a checker flagged without counts. */
  public static String anomalies(RunResults r) {
    return anomalies(r.anomalies());
  }

  public static String anomalies(Map<String, Long> counts) {
    if (counts.isEmpty()) return "none counted";
    return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  static String unknownReason(RunResults r) {
    if (r.info().error() != null) return "unknown: " + r.info().error();
    for (CheckSummary c : r.checks()) {
      if (c.verdict() == Verdict.UNKNOWN) return "unknown: " + c.name() + " " + c.summary();
    }
    return r.checks().isEmpty() ? "unknown: nothing was checked" : "unknown";
  }

  private static String plural(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }
}
