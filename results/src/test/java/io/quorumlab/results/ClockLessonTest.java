package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import org.junit.jupiter.api.Test;

class ClockLessonTest {
  private static Lessons.Settings strict(String conflicts) {
    return new Lessons.Settings("register", 3, 3, 3, "strict", "blocking", conflicts);
  }

  @Test
  void aSkewedClockUnderLwwIsNamedAsWhyWritesWereLost() {
    assertThat(Lessons.of(strict("lww"), Verdict.INVALID, true))
        .anyMatch(l -> l.startsWith("timestamps from skewed clocks decided the winner"));
  }

  @Test
  void theClockLessonNeedsBothAClockFaultAndLww() {
    assertThat(Lessons.of(strict("lww"), Verdict.INVALID, false)).noneMatch(l -> l.contains("skewed clocks"));
    assertThat(Lessons.of(strict("siblings"), Verdict.INVALID, true)).noneMatch(l -> l.contains("skewed clocks"));
    assertThat(Lessons.of(strict("lww"), Verdict.VALID, true)).noneMatch(l -> l.contains("skewed clocks"));
  }
}
