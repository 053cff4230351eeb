package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {
  private static ProgressSink.LoadStatus at(long seconds, String fault) {
    return new ProgressSink.LoadStatus(seconds * 1_000_000_000L, 60_000_000_000L, 98.6, 10 * seconds, 2, 1, fault, 0);
  }

  @Test
  void withoutATerminalPrintsALineEveryFewSeconds() {
    StringWriter s = new StringWriter();
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), false);
    for (long t = 0; t <= 12; t++) p.load(at(t, t >= 10 ? "partition" : null));
    assertThat(s.toString().lines()).containsExactly(
        "load    0/60s     99 ops/s  ok 0  fail 2  info 1  fault: none",
        "load    5/60s     99 ops/s  ok 50  fail 2  info 1  fault: none",
        "load   10/60s     99 ops/s  ok 100  fail 2  info 1  fault: partition");
    assertThat(s.toString()).doesNotContain("\r");
  }

  @Test
  void onATerminalRewritesOneLineAndEndsItBeforeAnEvent() {
    StringWriter s = new StringWriter();
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(s), true);
    p.load(at(1, null));
    p.load(at(2, "kill"));
    p.event("start-kill: killed n3 (one)");
    String out = s.toString();
    assertThat(out).startsWith("\rload    1/60s").contains("\rload    2/60s").contains("fault: kill");
    assertThat(out).contains("\n            start-kill: killed n3 (one)\n");
  }

  @Test
  void saysWhenTheLoadFallsBehindItsSchedule() {
    ProgressSink.LoadStatus behind = new ProgressSink.LoadStatus(5_000_000_000L, 60_000_000_000L, 40, 1, 0, 0, null, 2_500_000_000L);
    assertThat(ConsoleProgress.format(behind)).endsWith("(2.5s behind schedule)");
  }
}
