package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaleReadCheckerTest {
  private final StaleReadChecker checker = new StaleReadChecker();

  private CheckResult check(History h) {
    return checker.check(h, CheckContext.defaults());
  }

  @Test
  void flagsAReadOfAValueOverwrittenBeforeTheReadBegan() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)     // 0,1
        .done(1, "write", "x", 2L, 2L)     // 2,3: acked at 3 ms
        .done(1, "write", "x", 3L, 3L)     // 4,5: acked at 5 ms
        .done(2, "read", "x", null, 1L)    // 6,7: missed 2 and 3
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.anomalies()).containsEntry("stale-read", 1L);
    assertThat(r.details()).containsEntry("max-staleness-versions", 2L).containsEntry("max-staleness-ms", 3L);
    assertThat(r.explanation().get(1)).contains("key x").contains("returned 1").contains("write 2").contains("3 ms").contains("missed 2");
  }

  @Test
  void flagsAReadOfNothingAfterAnAcknowledgedWrite() {
    History h = new OpsBuilder()
        .done(1, "write", 7L, 1L, 1L)
        .done(2, "read", 7L, null, null)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.details()).containsEntry("max-staleness-versions", 1L);
  }

  @Test
  @SuppressWarnings("unchecked")
  void countsStaleReadsOnEachKeySeparately() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .done(1, "write", "y", 1L, 1L)
        .done(2, "read", "y", null, null)
        .done(2, "read", "x", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.anomalies()).containsEntry("stale-read", 1L);
    assertThat((Map<String, Object>) r.details().get("stale-reads-per-key")).containsOnlyKeys("y");
  }

  @Test
  void passesAReadConcurrentWithTheNewerWrite() {
    // write 2 completes after the read began: reading 1 is allowed.
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(1, "write", "x", 2L)
        .invoke(2, "read", "x", null)
        .ok(1, "write", "x", 2L)
        .ok(2, "read", "x", 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void passesWhenTheReadValuesWriteWasConcurrentWithTheNewerOne() {
    // writes 1 and 2 overlap, so either may be the later one; a read of 1 after both is not stale.
    History h = new OpsBuilder()
        .invoke(1, "write", "x", 1L)
        .invoke(3, "write", "x", 2L)
        .ok(1, "write", "x", 1L)
        .ok(3, "write", "x", 2L)
        .done(2, "read", "x", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void ignoresUnacknowledgedWrites() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(1, "write", "x", 2L).info(1, "write", "x", 2L)
        .invoke(3, "write", "x", 3L).fail(3, "write", "x", 3L)
        .done(2, "read", "x", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.summary()).contains("no stale reads among 1 reads");
  }

  @Test
  void flagsAReadThatMissedAnIndeterminateWriteAnotherReadHadAlreadySeen() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(1, "write", "x", 2L)          // times out, but lands
        .done(2, "read", "x", null, 2L)       // someone sees it
        .info(1, "write", "x", 2L)
        .done(3, "read", "x", null, 1L)       // a later reader does not
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation().get(1)).contains("returned 1").contains("write 2 (not acknowledged), which began after write 1 had been "
        + "acknowledged (op 1), had already been returned by the read of process 2");
  }

  @Test
  void passesWhenTheReadThatSawTheNewerValueWasStillRunning() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(1, "write", "x", 2L)
        .invoke(2, "read", "x", null)
        .invoke(3, "read", "x", null)
        .ok(2, "read", "x", 2L)
        .ok(3, "read", "x", 1L)
        .info(1, "write", "x", 2L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void measuresStalenessFromWhenTheReadWasSentNotWhenItWasScheduled() {
    // the read was scheduled at 1 ms but sent at 9 ms; write 2 was acknowledged at 5 ms
    List<Op> ops = List.of(
        new Op(0, 0, 1, OpType.INVOKE, "write", "x", 1L, null, null, Map.of()),
        new Op(1, 1_000_000, 1, OpType.OK, "write", "x", 1L, null, null, Map.of()),
        new Op(2, 2_000_000, 1, OpType.INVOKE, "write", "x", 2L, null, null, Map.of()),
        new Op(3, 5_000_000, 1, OpType.OK, "write", "x", 2L, null, null, Map.of()),
        new Op(4, 1_000_000, 2, OpType.INVOKE, "read", "x", null, null, null, Map.of("sent", 9_000_000L)),
        new Op(5, 10_000_000, 2, OpType.OK, "read", "x", 1L, null, null, Map.of()));
    CheckResult r = check(new History(ops));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.details()).containsEntry("max-staleness-ms", 4L);
    assertThat(r.summary()).contains("1 stale read of 1").contains("1 version behind");
  }

  @Test
  void passesReadsOfTheLatestValue() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .done(2, "read", "x", null, 1L)
        .done(1, "write", "x", 2L, 2L)
        .done(2, "read", "x", null, 2L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }
}
