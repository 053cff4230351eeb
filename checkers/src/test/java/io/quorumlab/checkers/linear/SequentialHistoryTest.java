package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Long histories without concurrency are trivially linearizable: the search must decide them within
 * a small memory budget (a configuration must not cost memory in proportion to the history).
 */
class SequentialHistoryTest {
  private static final int WRITES = 100_000;

  private static HistoryBuilder sequentialWrites() {
    HistoryBuilder b = new HistoryBuilder();
    for (long i = 0; i < WRITES; i++) b.invoke(i % 5, "write", i).ok(i % 5);
    return b;
  }

  private static CheckContext budget(long bytes) {
    return new CheckContext(null, Duration.ofMinutes(2), bytes, p -> {});
  }

  @Test
  void hundredThousandSequentialWritesAreLinearizableIn64MiB() {
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(sequentialWrites().build(), budget(64L << 20));
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
    assertThat(r.summary()).startsWith("linearizable: 1 register, 100000 calls");
  }

  @Test
  void aStaleReadAtTheEndIsStillFound() {
    History h = sequentialWrites().invoke(9, "read", null).ok(9, 5L).build();
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(h, budget(64L << 20));
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.INVALID);
    assertThat(String.join("\n", r.explanation())).contains("longest linearizable prefix: 100000 of 100001 completed calls")
        .contains("cannot be placed next: read returned 5");
  }

  @Test
  void anExhaustedBudgetReportsHowFarTheSearchGotNotZero() {
    CheckResult r = new LinearizabilityChecker(RegisterModel.register()).check(sequentialWrites().build(), budget(1L << 20));
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    String line = r.explanation().get(0);
    Matcher m = Pattern.compile("stopped after (\\d+) configurations .*; longest linearizable prefix found: (\\d+) of 100000 calls").matcher(line);
    assertThat(m.find()).as(line).isTrue();
    long configurations = Long.parseLong(m.group(1));
    // every configuration of a sequential history extends the one before
    assertThat(Long.parseLong(m.group(2))).isPositive().isEqualTo(configurations);
  }
}
