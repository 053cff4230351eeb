package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import org.junit.jupiter.api.Test;

/** Jepsen register tests start the register at a known value and begin by reading it. */
class InitialValueTest {
  /** Reads 0 first, as a history of a register that starts at 0 does. */
  private static History startsAtZero() {
    return new HistoryBuilder()
        .op(0, "read", null, 0L)
        .invoke(1, "cas", java.util.List.of(0L, 1L)).ok(1)
        .op(0, "read", null, 1L)
        .build();
  }

  private static CheckResult check(LinearizabilityChecker c, History h) {
    return c.check(h, CheckContext.defaults());
  }

  @Test
  void fromNilTheFirstReadIsAViolationAndTheOptionIsSuggested() {
    CheckResult r = check(new LinearizabilityChecker(RegisterModel.casRegister()), startsAtZero());
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.summary()).endsWith("(cas-register model, initially nil)");
    assertThat(String.join("\n", r.explanation()))
        .contains("cannot be placed next: read returned 0")
        .contains("the register was assumed to start at nil")
        .contains("--initial-value 0");
  }

  @Test
  void fromTheGivenValueItIsLinearizableAndTheVerdictSaysSo() {
    CheckResult r = check(new LinearizabilityChecker(RegisterModel.casRegister()).startingAt(0L), startsAtZero());
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
    assertThat(r.summary()).isEqualTo("linearizable: 1 register, 3 calls (cas-register model, initially 0)");
    assertThat(r.details()).containsEntry("initial-state", "0");
    // the model chosen from the history's functions starts there too
    CheckResult chosen = check(new LinearizabilityChecker().startingAt(0L), startsAtZero());
    assertThat(chosen.verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aGivenInitialValueIsHeldToo() {
    CheckResult r = check(new LinearizabilityChecker(RegisterModel.casRegister()).startingAt(5L), startsAtZero());
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(String.join("\n", r.explanation())).contains("the state is 5, the initial state").doesNotContain("--initial-value");
  }

  @Test
  void noSuggestionWhenAWriteSetTheState() {
    CheckResult r = check(new LinearizabilityChecker(RegisterModel.casRegister()),
        Histories.read(Corpora.dir().resolve("jepsen-etcd/etcd_000.edn")));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(String.join("\n", r.explanation())).doesNotContain("--initial-value");
  }

  @Test
  void onlyRegisterModelsTakeAnInitialValue() {
    assertThatThrownBy(() -> new LinearizabilityChecker(new KvModel()).startingAt(0L))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the kv model takes no initial value");
  }
}
