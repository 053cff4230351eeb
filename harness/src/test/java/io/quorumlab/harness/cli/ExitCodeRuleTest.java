package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.harness.compare.CompareResult;
import io.quorumlab.harness.compare.CompareRow;
import io.quorumlab.harness.compare.ComparePlan;
import io.quorumlab.harness.compare.ConfigParser;
import io.quorumlab.harness.gate.Gate;
import io.quorumlab.harness.gate.GateOptions;
import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.gate.SyntheticRuns;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.write.RunWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one exit-code rule, {@link Verdict#and} (invalid beats unknown beats valid), as {@code check},
 * {@code run} and {@code compare} apply it (issue 11). Every case pairs an invalid part with an
 * unknown one, in both orders, so that a command that took the larger code (Math.max) fails here.
 */
class ExitCodeRuleTest {
  @TempDir Path runs;

  @Test
  void checkCombinesItsFilesVerdictsByTheRule() {
    assertThat(CheckCommand.worst(ExitCodes.INVALID, ExitCodes.UNKNOWN)).isEqualTo(ExitCodes.INVALID);
    assertThat(CheckCommand.worst(ExitCodes.UNKNOWN, ExitCodes.INVALID)).isEqualTo(ExitCodes.INVALID);
    assertThat(CheckCommand.worst(ExitCodes.VALID, ExitCodes.UNKNOWN)).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(CheckCommand.worst(ExitCodes.VALID, ExitCodes.VALID)).isEqualTo(ExitCodes.VALID);
  }

  @Test
  void runCombinesItsCheckersVerdictsByTheRule() throws Exception {
    CheckResult invalid = new CheckResult("linearizable", Verdict.INVALID, "not linearizable", List.of(), Map.of(), Map.of(), List.of());
    CheckResult unknown = new CheckResult("stale-read", Verdict.UNKNOWN, "gave up", List.of(), Map.of(), Map.of(), List.of());
    RunSpec spec = RunSpec.defaults(1);
    for (List<CheckResult> checks : List.of(List.of(invalid, unknown), List.of(unknown, invalid))) {
      Path dir = RunDirectory.create(runs, "register");
      RunInfo info = new RunInfo("register", "local", spec.toMap(), 0, List.of(), null);
      // What the Runner does once the checkers are done: write the results, exit with their code.
      RunResults results = RunWriter.write(dir, info, new History(List.of()), checks);
      RunOutcome outcome = new RunOutcome(dir, results, checks, results.exitCode());
      int code = new GateOptions().finish(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), spec, outcome);
      assertThat(code).as("checkers %s", checks.stream().map(c -> c.verdict().wireName()).toList()).isEqualTo(ExitCodes.INVALID);
    }
  }

  @Test
  void compareCombinesItsRunsVerdictsByTheRuleWithoutExpectations() throws Exception {
    assertThat(compare(false, SyntheticRuns.invalid(), SyntheticRuns.unknown()).exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(compare(false, SyntheticRuns.unknown(), SyntheticRuns.invalid()).exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(compare(false, SyntheticRuns.valid(), SyntheticRuns.unknown()).exitCode()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(compare(false, SyntheticRuns.valid(), SyntheticRuns.valid()).exitCode()).isEqualTo(ExitCodes.VALID);
    CompareResult mixed = compare(false, SyntheticRuns.unknown(), SyntheticRuns.invalid());
    assertThat(Gate.exitCode(mixed.gateCases())).isEqualTo(ExitCodes.INVALID);
  }

  @Test
  void anInterruptedComparisonCountsAsOneMoreUnknownVerdict() throws Exception {
    assertThat(compare(true, SyntheticRuns.valid()).exitCode()).isEqualTo(ExitCodes.UNKNOWN);
    assertThat(compare(true, SyntheticRuns.invalid()).exitCode()).isEqualTo(ExitCodes.INVALID);
    assertThat(compare(true, SyntheticRuns.valid(), SyntheticRuns.invalid()).exitCode()).isEqualTo(ExitCodes.INVALID);
  }

  /** A comparison without expectations whose configurations ended with these results, in order. */
  private CompareResult compare(boolean interrupted, RunResults... results) throws Exception {
    StringBuilder configs = new StringBuilder();
    for (int i = 0; i < results.length; i++) configs.append(i == 0 ? "" : ",").append("3/").append(1 + i % 3).append("/2");
    ComparePlan plan = new ComparePlan(RunSpec.defaults(7), null, ConfigParser.parseList(configs.toString()), 1, null, runs);
    List<CompareRow> rows = new ArrayList<>();
    for (int i = 0; i < results.length; i++) {
      rows.add(new CompareRow(plan.configs().get(i), plan.spec(plan.configs().get(i), 0), null,
          List.of(new GateRun(7, SyntheticRuns.runDir(runs, "register"), results[i]))));
    }
    return new CompareResult(plan, rows, interrupted, 0, 1, null);
  }
}
