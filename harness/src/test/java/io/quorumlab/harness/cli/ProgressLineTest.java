package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  @Test
  void quietForShortChecks() {
    StringWriter out = new StringWriter();
    try (ProgressLine p = new ProgressLine(new PrintWriter(out), "h.edn", true, 2000)) {
      p.update(new CheckContext.Progress("linearizable", "keys", 1, 10));
    }
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void longChecksShowKeysAndElapsedTimeThenClearTheLine() throws InterruptedException {
    StringWriter out = new StringWriter();
    try (ProgressLine p = new ProgressLine(new PrintWriter(out), "h.edn", true, 20)) {
      p.update(new CheckContext.Progress("linearizable", "keys", 3, 10));
      long deadline = System.currentTimeMillis() + 5000;
      while (!out.toString().contains("keys 3/10") && System.currentTimeMillis() < deadline) Thread.sleep(10);
    }
    assertThat(out.toString()).matches("(?s)\rchecking h\\.edn: keys 3/10, \\d+\\.\\d s.*\r +\r");
  }
}
