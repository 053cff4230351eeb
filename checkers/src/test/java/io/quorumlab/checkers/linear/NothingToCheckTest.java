package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A history with nothing to linearize is unknown, with the reason; never valid. */
class NothingToCheckTest {
  private static CheckResult check(History h) {
    return new LinearizabilityChecker().check(h, CheckContext.defaults());
  }

  @Test
  void emptyHistory() {
    CheckResult r = check(new History(List.of()));
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to check: the history has no operations");
    assertThat(r.anomalies()).isEmpty();
  }

  @Test
  void nemesisOnly() {
    History h = History.of(
        Op.of(0, 1, Op.NEMESIS, OpType.INFO, "start-partition", null, null),
        Op.of(1, 2, Op.NEMESIS, OpType.INFO, "start-partition", null, "cut"));
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to check: the history has only nemesis operations (1)");
  }

  @Test
  void nothingCompletedOk() {
    History h = new HistoryBuilder().invoke(0, "write", 1L).fail(0).invoke(1, "write", 2L).info(1).invoke(2, "read", null).info(2).build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to check: none of the 3 client operations completed ok, so nothing was observed");
  }

  @Test
  void aKeyWithNothingOkDoesNotMakeTheOthersUnknown() {
    History h = new HistoryBuilder()
        .invoke(0, "write", "a", 1L).ok(0)
        .invoke(1, "write", "b", 2L).fail(1)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }
}
