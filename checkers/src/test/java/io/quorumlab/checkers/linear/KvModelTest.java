package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import org.junit.jupiter.api.Test;

class KvModelTest {
  private static CheckResult check(History h) {
    return new LinearizabilityChecker(new KvModel()).check(h, CheckContext.defaults());
  }

  @Test
  void concurrentAppendsInEitherOrder() {
    for (String seen : new String[] {"ab", "ba"}) {
      History h = new HistoryBuilder()
          .invoke(0, "append", "k", "a").invoke(1, "append", "k", "b").ok(1).ok(0)
          .invoke(2, "get", "k", null).ok(2, seen)
          .build();
      assertThat(check(h).verdict()).as(seen).isEqualTo(Verdict.VALID);
    }
  }

  @Test
  void absentKeyReadsEmptyAndPutReplaces() {
    History h = new HistoryBuilder()
        .invoke(0, "get", "k", null).ok(0, "")
        .invoke(0, "append", "k", "x").ok(0)
        .invoke(1, "put", "k", "y").ok(1)
        .invoke(0, "get", "k", null).ok(0, "y")
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void appendLostAfterAcknowledgement() {
    History h = new HistoryBuilder()
        .invoke(0, "append", "k", "a").ok(0)
        .invoke(1, "append", "k", "b").ok(1)
        .invoke(2, "get", "k", null).ok(2, "b")
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(String.join("\n", r.explanation()))
        .contains("key \"k\" is not linearizable (kv model")
        .contains("get returned \"b\"")
        // look-ahead stops at "a": no append makes "a" into "b", whichever goes first
        .contains("the state is \"a\", set by append \"a\"")
        .contains("every way on from there was explored and fails too: append \"b\"");
  }
}
