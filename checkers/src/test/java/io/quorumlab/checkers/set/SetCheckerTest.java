package io.quorumlab.checkers.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.stale.OpsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetCheckerTest {

  private static CheckResult check(History h) {
    return new SetChecker().check(h, CheckContext.defaults());
  }

  @Test
  void flagsAnAcknowledgedAddMissingFromTheFinalRead() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(2, "add", 0L, 2L, 2L)
        .done(3, "read", 0L, null, List.of(1L, 2L))
        .done(3, "read", 0L, null, List.of(1L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies()).containsEntry("lost-add", 1L);
    assertThat(String.join("\n", r.explanation())).contains("element 2 of key 0").contains("final read");
  }

  @Test
  void flagsElementsNobodyAdded() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(3, "read", 0L, null, List.of(1L, 99L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies()).containsEntry("unexpected-element", 1L);
  }

  @Test
  void flagsAnElementWhoseAddFailed() {
    History h = new OpsBuilder()
        .invoke(1, "add", 0L, 1L).fail(1, "add", 0L, 1L)
        .done(3, "read", 0L, null, List.of(1L))
        .build();
    assertThat(check(h).anomalies()).containsEntry("failed-add-present", 1L);
    assertThat(check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void reportsAReappearedAddWithoutFailingUnlessStrict() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(2, "read", 0L, null, List.of(1L))
        .done(2, "read", 0L, null, List.of())
        .done(2, "read", 0L, null, List.of(1L))
        .build();
    CheckResult lenient = check(h);
    assertThat(lenient.verdict()).isEqualTo(Verdict.VALID);
    assertThat(lenient.anomalies()).containsEntry("reappeared-add", 1L);
    assertThat(lenient.summary()).contains("came back");
    CheckResult strict = new SetChecker(true).check(h, CheckContext.defaults());
    assertThat(strict.verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void doesNotCallOverlappingReadsAReappearance() {
    // the absent read overlaps the first present read, so it may have happened before the add landed
    History h = new OpsBuilder()
        .invoke(1, "add", 0L, 1L)
        .invoke(2, "read", 0L, null)
        .invoke(3, "read", 0L, null)
        .ok(1, "add", 0L, 1L)
        .ok(2, "read", 0L, List.of(1L))
        .ok(3, "read", 0L, List.of())
        .done(2, "read", 0L, null, List.of(1L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.anomalies()).doesNotContainKey("reappeared-add");
  }

  @Test
  void passesWhenEveryAcknowledgedAddIsInTheFinalRead() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(1, "add", 5L, 2L, 2L)
        .invoke(2, "add", 0L, 3L).info(2, "add", 0L, 3L)   // indeterminate: may be absent
        .invoke(4, "add", 0L, 4L).fail(4, "add", 0L, 4L)   // failed and absent: fine
        .done(3, "read", 0L, null, List.of(1L))
        .done(3, "read", 5L, null, List.of(2L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.anomalies()).isEmpty();
    assertThat(r.summary()).contains("2 acknowledged adds");
  }

  @Test
  void anAddAcknowledgedAfterTheFinalReadBeganIsNotJudged() {
    History h = new OpsBuilder()
        .invoke(1, "add", 0L, 1L)
        .invoke(3, "read", 0L, null)
        .ok(1, "add", 0L, 1L)
        .ok(3, "read", 0L, List.of())
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  /**
   * Seed 6 of the sloppy siblings explore run: every final read of a key failed, and its last ok
   * read was an R=1 read during the load, before the heal, which may be stale without anything lost.
   */
  @Test
  void aReadBeforeTheHealIsNotAFinalRead() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(3, "read", 0L, null, List.of())
        .invoke(Op.NEMESIS, "heal", null, null).info(Op.NEMESIS, "heal", null, "links restored")
        .invoke(4, "read", 0L, null).fail(4, "read", 0L, null)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.anomalies()).doesNotContainKey("lost-add");
    assertThat(String.join("\n", r.explanation())).contains("no successful read after the heal");
  }

  @Test
  void anAddMissingFromTheReadAfterTheHealIsLost() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(1, "add", 0L, 2L, 2L)
        .done(3, "read", 0L, null, List.of(1L, 2L))
        .invoke(Op.NEMESIS, "heal", null, null).info(Op.NEMESIS, "heal", null, "links restored")
        .done(4, "read", 0L, null, List.of(1L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies()).containsEntry("lost-add", 1L);
  }

  @Test
  void isUnknownWhenAKeyWithAcknowledgedAddsWasNeverRead() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .invoke(3, "read", 0L, null).fail(3, "read", 0L, null)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(String.join("\n", r.explanation())).contains("no successful read");
  }

  @Test
  void aHistoryWithoutAddsHasNothingToCheck() {
    History register = new OpsBuilder()
        .done(1, "write", null, 3L, 3L)
        .done(2, "read", null, null, 3L)
        .build();
    CheckResult r = check(register);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to check: no add operations (the history's functions are write, read)");
    assertThat(check(new History(List.of())).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void aReadThatReturnsNoCollectionIsRefused() {
    History h = new OpsBuilder()
        .done(1, "add", 0L, 1L, 1L)
        .done(2, "read", 0L, null, 3L)
        .build();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> check(h))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("returned 3, not a collection of elements");
  }
}
