package io.quorumlab.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.results.RunResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {
  private static GateCase one(Expectation expect, RunResults r) {
    return new GateCase("3/1/1", "N=3 W=1 R=1 lww strict", "register", expect, List.of(new GateRun(7, Path.of("runs/x"), r)));
  }

  @Test
  void anAnomalyUnderExpectValidFailsAndSaysWhichAnomalies() {
    Judgement j = Gate.judge(one(Expectation.VALID, SyntheticRuns.invalid()));
    assertThat(j.passed()).isFalse();
    assertThat(j.line()).isEqualTo("FAIL: expected valid, but the run with seed 7 found anomalies (nonlinearizable-key 1, stale-read 12)");
    assertThat(Gate.exitCode(List.of(one(Expectation.VALID, SyntheticRuns.invalid())))).isEqualTo(1);
  }

  @Test
  void aValidRunUnderExpectInvalidFailsBecauseTheGateCouldNotBite() {
    Judgement j = Gate.judge(one(Expectation.INVALID, SyntheticRuns.valid()));
    assertThat(j.passed()).isFalse();
    assertThat(j.message()).startsWith("expected invalid, but the run found no anomaly, so this gate could not catch");
    assertThat(Gate.exitCode(List.of(one(Expectation.INVALID, SyntheticRuns.valid())))).isEqualTo(1);
  }

  @Test
  void expectationsMetExitZeroEvenWithAnomalies() {
    List<GateCase> cases = List.of(one(Expectation.INVALID, SyntheticRuns.invalid()), one(Expectation.VALID, SyntheticRuns.valid()));
    assertThat(cases).allMatch(c -> Gate.judge(c).passed());
    assertThat(Gate.exitCode(cases)).isZero();
  }

  @Test
  void unknownVerdictFailsEitherExpectationWithTheReason() {
    for (Expectation e : Expectation.values()) {
      Judgement j = Gate.judge(one(e, SyntheticRuns.unknown()));
      assertThat(j.passed()).isFalse();
      assertThat(j.message()).contains("has no verdict (unknown: linearizable gave up after 30 s on key 3)");
    }
    RunResults crashed = SyntheticRuns.results(List.of(), 1, "the cluster did not start");
    assertThat(Gate.judge(one(Expectation.VALID, crashed)).message()).contains("unknown: the cluster did not start");
  }

  @Test
  void withoutExpectationsTheExitCodeIsTheVerdictsCombined() {
    assertThat(Gate.exitCode(List.of(one(null, SyntheticRuns.valid())))).isZero();
    assertThat(Gate.exitCode(List.of(one(null, SyntheticRuns.valid()), one(null, SyntheticRuns.invalid())))).isEqualTo(1);
    assertThat(Gate.exitCode(List.of(one(null, SyntheticRuns.valid()), one(null, SyntheticRuns.unknown())))).isEqualTo(2);
    // invalid beats unknown (Verdict#and; ExitCodeRuleTest has the rule for every command)
    assertThat(Gate.exitCode(List.of(one(null, SyntheticRuns.unknown()), one(null, SyntheticRuns.invalid())))).isEqualTo(1);
  }

  @Test
  void configurationsWithoutExpectationDoNotGateWhenOthersHaveOne() {
    List<GateCase> cases = List.of(one(null, SyntheticRuns.invalid()), one(Expectation.VALID, SyntheticRuns.valid()));
    assertThat(Gate.exitCode(cases)).isZero();
  }

  @Test
  void repeatsExpectInvalidNeedsOneCatchExpectValidNeedsAllClean() {
    List<GateRun> mixed = List.of(new GateRun(7, Path.of("a"), SyntheticRuns.valid()), new GateRun(8, Path.of("b"), SyntheticRuns.invalid()));
    assertThat(Gate.judge(new GateCase("3/2/2", "", "register", Expectation.INVALID, mixed)).line())
        .isEqualTo("PASS: expected invalid; anomalies caught in 1 of 2 runs (nonlinearizable-key 1, stale-read 12)");
    assertThat(Gate.judge(new GateCase("3/2/2", "", "register", Expectation.VALID, mixed)).line())
        .isEqualTo("FAIL: expected valid, but 1 of 2 runs found anomalies, first the one with seed 8 (nonlinearizable-key 1, stale-read 12)");
  }

  @Test
  void expectationParsesAnyCaseAndNamesABadValue() {
    assertThat(Expectation.parse("Invalid")).isEqualTo(Expectation.INVALID);
    assertThatThrownBy(() -> Expectation.parse("maybe")).isInstanceOf(SpecException.class).hasMessage("expected valid or invalid, not 'maybe'");
  }
}
