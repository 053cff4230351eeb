package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterLinearizabilityTest {
  private static final LinearizabilityChecker CAS = new LinearizabilityChecker(RegisterModel.casRegister());

  private static CheckResult check(History h) {
    return CAS.check(h, CheckContext.defaults());
  }

  private static String text(CheckResult r) {
    return String.join("\n", r.explanation());
  }

  // ---- must flag ----

  @Test
  void staleRead() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .op(1, "write", 2L, 2L)
        .op(2, "read", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies()).containsEntry("nonlinearizable-key", 1L);
    assertThat(text(r))
        .contains("longest linearizable prefix: 2 of 3 completed calls")
        .contains("cannot be placed next: read returned 1 (process 2, index 4-5)")
        .contains("at that point the state is 2, set by write 2 (process 1, index 2-3), and it is impossible in that state");
  }

  @Test
  void lostWrite() {
    History h = new HistoryBuilder()
        .op(0, "write", 7L, 7L)
        .op(1, "read", null, null)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("read returned nil").contains("7, set by write 7");
  }

  @Test
  void writeVisibleThenGone() {
    History h = new HistoryBuilder()
        .invoke(0, "write", 3L)
        .op(1, "read", null, 3L)
        .ok(0)
        .op(2, "read", null, null)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("cannot be placed next: read returned nil (process 2");
  }

  @Test
  void impossibleCas() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .op(1, "cas", List.of(5L, 6L), List.of(5L, 6L))
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("cas 5→6 (process 1").contains("1, set by write 1");
  }

  @Test
  void casSucceededButReadSeesOldValue() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .op(1, "cas", List.of(1L, 2L), List.of(1L, 2L))
        .op(2, "read", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void infoWriteCannotTakeEffectBeforeItsInvocation() {
    History h = new HistoryBuilder()
        .op(1, "read", null, 4L)
        .invoke(0, "write", 4L).info(0)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void failedWriteNeverHappened() {
    History h = new HistoryBuilder()
        .invoke(0, "write", 2L).fail(0)
        .op(1, "read", null, 2L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.INVALID);
  }

  @Test
  void readsThatGoBackInTimeAcrossConcurrentWrites() {
    // two writes overlap; readers after both see 1 then 2 then 1 again: no order explains it
    History h = new HistoryBuilder()
        .invoke(0, "write", 1L).invoke(1, "write", 2L).ok(0).ok(1)
        .op(2, "read", null, 1L)
        .op(3, "read", null, 2L)
        .op(2, "read", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("longest linearizable prefix: 3 of 5 completed calls")
        .contains("cannot be placed next: read returned 2 (process 3, index 6-7)");
  }

  // ---- must pass ----

  @Test
  void concurrentReadMaySeeTheWriteOrNot() {
    for (Object seen : new Object[] {null, 1L}) {
      History h = new HistoryBuilder()
          .invoke(0, "write", 1L)
          .invoke(1, "read", null)
          .ok(1, seen)
          .ok(0)
          .build();
      assertThat(check(h).verdict()).as("read saw %s", seen).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void concurrentWritesInEitherOrder() {
    for (long last : new long[] {1, 2}) {
      History h = new HistoryBuilder()
          .invoke(0, "write", 1L).invoke(1, "write", 2L).ok(1).ok(0)
          .op(2, "read", null, last)
          .op(3, "read", null, last)
          .build();
      assertThat(check(h).verdict()).as("final value %d", last).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void infoWriteThatTookEffect() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .invoke(1, "write", 9L).info(1)
        .op(2, "read", null, 9L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void infoWriteThatNeverTookEffect() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .invoke(1, "write", 9L).info(1)
        .op(2, "read", null, 1L)
        .op(2, "read", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void infoWriteThatTookEffectLongAfterItTimedOut() {
    History h = new HistoryBuilder()
        .invoke(1, "write", 9L).info(1)
        .op(2, "read", null, null)
        .op(0, "write", 1L, 1L)
        .op(2, "read", null, 1L)
        .op(2, "read", null, 9L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  /**
   * Twenty clients crash mid-write (a partition's timeouts) and the reads after them see none of
   * the values. Each crashed write may take effect or not, so a search that considers them all
   * faces 2^20 subsets: it used to give up (unknown, out of its memory budget). Nobody read
   * their values, so they are left out, and the verdicts come at once.
   */
  @Test
  void manyCrashedWritesThatNobodyReadDoNotBlowUpTheSearch() {
    assertThat(check(crashedWritesThenReads(20, 0L)).verdict()).isEqualTo(Verdict.VALID);
    // one crashed write read after an ok write of 0 had overwritten it... then 0 again: not linearizable
    History seenThenGone = crashedWritesThenReads(20, 7L);
    CheckResult r = check(seenThenGone);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("read returned 0");
  }

  /**
   * The same crashed writes, all read in the end, in the reverse of their order: each took effect
   * late, the last one first. Every one is observed, so none is left out, and a search that tries
   * the crashed writes in their order meets 2^19 subsets before write 20 (it gave up, unknown).
   * Taking the reads that fit first, and never a write right after a crashed one that it
   * overwrites unseen, make it a straight path.
   */
  @Test
  void crashedWritesReadLateInReverseOrder() {
    HistoryBuilder b = new HistoryBuilder().op(0, "write", 0L, 0L);
    for (long p = 1; p <= 20; p++) b.invoke(p, "write", p);
    for (long p = 1; p <= 20; p++) b.info(p);
    for (int i = 0; i < 30; i++) b.op(100, "read", null, 0L);
    for (long v = 20; v >= 1; v--) b.op(100, "read", null, v);
    assertThat(check(b.build()).verdict()).isEqualTo(Verdict.VALID);
    b.op(100, "read", null, 20L);
    CheckResult r = check(b.build());
    assertThat(r.verdict()).as("20 is back after 1 overwrote it: no write of 20 is left").isEqualTo(Verdict.INVALID);
    assertThat(text(r)).contains("read returned 20");
  }

  /** write 0; processes 1..k invoke write i and crash; then reads of 0, one of {@code seen}, and of 0 again. */
  private static History crashedWritesThenReads(int k, long seen) {
    HistoryBuilder b = new HistoryBuilder().op(0, "write", 0L, 0L);
    for (long p = 1; p <= k; p++) b.invoke(p, "write", p);
    for (long p = 1; p <= k; p++) b.info(p);
    for (int i = 0; i < 30; i++) b.op(100, "read", null, 0L);
    b.op(100, "read", null, seen);
    for (int i = 0; i < 30; i++) b.op(100, "read", null, 0L);
    return b.build();
  }

  @Test
  void failedCasAndOpenOpsAreHandled() {
    History h = new HistoryBuilder()
        .op(0, "write", 1L, 1L)
        .invoke(1, "cas", List.of(3L, 4L)).fail(1)
        .op(2, "cas", List.of(1L, 5L), List.of(1L, 5L))
        .invoke(3, "write", 8L) // never returns
        .op(2, "read", null, 8L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void plainRegisterModelRejectsCas() {
    History h = new HistoryBuilder().op(0, "cas", List.of(1L, 2L), List.of(1L, 2L)).build();
    assertThatThrownBy(() -> new LinearizabilityChecker(RegisterModel.register()).check(h, CheckContext.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model register cannot check f 'cas'");
  }

  @Test
  void modelIsChosenFromTheFunctions() {
    History rw = new HistoryBuilder().op(0, "write", 1L, 1L).op(1, "read", null, 1L).build();
    assertThat(new LinearizabilityChecker().check(rw, CheckContext.defaults()).details()).containsEntry("model", "register");
    History txn = new HistoryBuilder().op(0, "txn", List.of(), List.of()).build();
    assertThatThrownBy(() -> new LinearizabilityChecker().check(txn, CheckContext.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no linearizability model knows the functions [txn]");
  }
}
