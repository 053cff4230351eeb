package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code quorumlab run --expect invalid --junit FILE}: the gate that proves the checkers still bite. */
class RunGateTest {
  @TempDir Path tmp;

  @Test
  void anUnsafeConfigurationExpectedInvalidPassesTheGateWithAWellFormedReport() throws Exception {
    Path junit = tmp.resolve("run.xml");
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      code = Main.run("run", "--nodes", "3", "--n", "3", "--w", "1", "--r", "1", "--time-limit", "5", "--nemesis-interval", "1.5",
          "--quiesce", "0.5", "--seed", "5", "--out", tmp.toString(), "--expect", "invalid", "--junit", junit.toString());
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    String stdout = out.toString(StandardCharsets.UTF_8);
    assertThat(stdout).contains("verdict     INVALID").contains("gate        PASS: expected invalid; anomalies caught in 1 of 1 run");
    assertThat(code).isEqualTo(ExitCodes.VALID);
    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile()).getDocumentElement();
    assertThat(root.getAttribute("failures")).isEqualTo("0");
    assertThat(root.getElementsByTagName("testcase").getLength()).isEqualTo(3);
  }
}
