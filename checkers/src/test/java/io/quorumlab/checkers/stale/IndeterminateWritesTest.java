package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.registry.CheckerRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Writes whose client gave up ({@code info}) may take effect at any time after their invocation,
 * even long after: they are ordered before nothing, and the report says when one took effect late.
 */
class IndeterminateWritesTest {
  private static final long S = 1_000_000_000L;

  private static CheckResult check(History h) {
    return new StaleReadChecker().check(h, CheckContext.defaults());
  }

  /**
   * The case of issue 19: write 4 times out at 12 s (its coordinator was paused); write 11 is
   * invoked at 14 s and acknowledged at 14.1 s; later the resumed coordinator performs write 4, and
   * a read that began at 16.2 s returns 4.
   */
  private static History lateWrite() {
    List<Op> ops = new ArrayList<>();
    add(ops, 0, 1, OpType.INVOKE, "write", 4L);
    add(ops, 12 * S, 1, OpType.INFO, "write", 4L);
    add(ops, 14 * S, 2, OpType.INVOKE, "write", 11L);
    add(ops, 14 * S + S / 10, 2, OpType.OK, "write", 11L);
    add(ops, 16 * S + S / 5, 3, OpType.INVOKE, "read", null);
    add(ops, 16 * S + S / 2, 3, OpType.OK, "read", 4L);
    return new History(ops);
  }

  private static void add(List<Op> ops, long time, long process, OpType type, String f, Object value) {
    ops.add(new Op(ops.size(), time, process, type, f, "k", value, null, null, Map.of()));
  }

  @Test
  void aReadOfAWriteThatTookEffectAfterItsClientGaveUpIsNotStale() {
    History h = lateWrite();
    assertThat(CheckerRegistry.linearizable("register").check(h, CheckContext.defaults()).verdict()).isEqualTo(Verdict.VALID);
    CheckResult r = check(h);
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
    assertThat(r.summary()).isEqualTo("no stale reads among 1 reads; 1 timed-out write took effect after its client gave up");
  }

  @Test
  void saysWhenAWriteTookEffectAfterItsClientGaveUp() {
    CheckResult r = check(lateWrite());
    assertThat(r.details()).containsEntry("late-effects", 1L);
    assertThat(r.explanation()).hasSize(2);
    assertThat(r.explanation().get(1).strip()).isEqualTo("key k: write 4 took effect 2.0 s to 4.5 s after its client gave up at "
        + "12.000 s (op 1): the read by process 3 at 16.200 s (op 4) returned its value after write 11, begun at 14.000 s (op 2), "
        + "was acknowledged, so write 4 came after it");
  }

  @Test
  void measuresShortDelaysInMicroseconds() {
    List<Op> ops = new ArrayList<>();
    add(ops, 0, 1, OpType.INVOKE, "write", 4L);
    add(ops, S, 1, OpType.INFO, "write", 4L);
    add(ops, S + 250_000, 1, OpType.INVOKE, "write", 5L);   // the same process, 250 µs later
    add(ops, S + 900_000, 1, OpType.OK, "write", 5L);
    add(ops, 3 * S, 3, OpType.INVOKE, "read", null);
    add(ops, 3 * S + S / 2, 3, OpType.OK, "read", 4L);
    CheckResult r = check(new History(ops));
    assertThat(r.explanation().get(1)).contains("write 4 took effect 250 µs to 2.5 s after its client gave up");
  }

  @Test
  void aWriteSeenBeforeItsClientGaveUpIsNotLate() {
    List<Op> ops = new ArrayList<>();
    add(ops, 0, 1, OpType.INVOKE, "write", 4L);
    add(ops, S, 3, OpType.INVOKE, "read", null);
    add(ops, 2 * S, 3, OpType.OK, "read", 4L);
    add(ops, 12 * S, 1, OpType.INFO, "write", 4L);
    add(ops, 13 * S, 3, OpType.INVOKE, "read", null);
    add(ops, 14 * S, 3, OpType.OK, "read", 4L);
    CheckResult r = check(new History(ops));
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.details()).containsEntry("late-effects", 0L);
    assertThat(r.explanation()).isEmpty();
  }

  @Test
  void anOpenWriteIsOrderedBeforeNothing() {
    History h = new OpsBuilder()
        .invoke(1, "write", "x", 1L)               // never completes
        .done(2, "write", "x", 2L, 2L)
        .done(3, "read", "x", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aReadOfTheInitialValueAfterOnlyIndeterminateWritesIsNotStale() {
    History h = new OpsBuilder()
        .invoke(1, "write", "x", 1L).info(1, "write", "x", 1L)
        .done(2, "write", "y", 1L, 1L)
        .done(3, "read", "x", null, null)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }
}
