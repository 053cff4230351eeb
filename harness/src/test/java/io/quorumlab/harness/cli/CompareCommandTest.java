package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.compare.CompareOutput;
import io.quorumlab.results.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code quorumlab compare} and {@code bench} through Main.run, as a user runs them. */
class CompareCommandTest {
  @TempDir Path tmp;

  private static CliRun run(String... args) {
    return CliRun.run(args);
  }

  @Test
  void badConfigurationsAreRefusedWith254NamingTheBadPartBeforeAnythingStarts() throws Exception {
    record Case(String configs, String message) {}
    for (Case c : List.of(
        new Case("3/1/1,3/4/1", "quorumlab: bad configuration '3/4/1': W=4 > N=3"),
        new Case("3/2/2:turbo", "quorumlab: bad configuration '3/2/2:turbo': unknown mode 'turbo'"),
        new Case("5/3/3", "quorumlab: configuration '5/3/3': N=5 needs 1 <= N <= nodes (3)"),
        new Case("3/2/2:siblings", "quorumlab: configuration '3/2/2:siblings': the register workload"))) {
      CliRun r = run("compare", "--nodes", "3", "--configs", c.configs(), "--out", tmp.toString());
      assertThat(r.code()).as(c.configs()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
      assertThat(r.err()).as(c.configs()).startsWith(c.message()).doesNotContain("Exception");
    }
    assertThat(tmp.resolve("compare")).doesNotExist();
    CliRun repeat = run("compare", "--repeat", "0", "--out", tmp.toString());
    assertThat(repeat.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(repeat.err()).contains("--repeat must be between 1 and 100, not 0");
    CliRun bench = run("compare", "--configs", "3/1/1", "--with-bench", "--out", tmp.toString());
    assertThat(bench.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(bench.err()).contains("--with-bench: no benchmark results under").contains("run 'quorumlab bench' first");
    CliRun nodes = run("compare", "--nodes", "300", "--out", tmp.toString());
    assertThat(nodes.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(nodes.err()).startsWith("quorumlab: --nodes must be between 1 and 16");
    CliRun forever = run("compare", "--time-limit", "1e300", "--out", tmp.toString());
    assertThat(forever.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(forever.err()).startsWith("quorumlab: --time-limit must be a positive number of seconds up to 86400 (a day)");
    Path file = Files.writeString(tmp.resolve("a-file"), "");
    CliRun junit = run("compare", "--configs", "1/1/1", "--nodes", "1", "--nemesis", "none", "--time-limit", "1", "--quiesce", "0",
        "--out", tmp.toString(), "--junit", file.resolve("gate.xml").toString());
    assertThat(junit.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(junit.err()).startsWith("quorumlab: --junit " + file.resolve("gate.xml") + " cannot be written: " + file + " is not a directory");
    assertThat(tmp.resolve("compare")).as("nothing ran").doesNotExist();
    CliRun expect = run("compare", "--expect", "green");
    assertThat(expect.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(expect.err()).contains("expected valid or invalid, not 'green'");
  }

  @Test
  void benchRefusesBadArgumentsWithoutBuildingOrRunningAnything() {
    CliRun r = run("bench", "--configs", "3/2/2:abd");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err()).contains("give conflict modes with --conflicts");
    r = run("bench", "--configs", "7/4/4");
    assertThat(r.err()).contains("N=7 > 5, the benchmark cluster's size");
    r = run("bench", "--faults", "none,flaky");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    assertThat(r.err()).contains("--faults: unknown value 'flaky' (expected none, slow)");
  }

  /**
   * Two configurations, seconds each, on 3 local nodes: W=1 R=1 under partitions finds anomalies
   * (reads can miss the last write even without faults), so {@code --expect valid} must fail it.
   */
  @Test
  void aTinyComparisonWritesTheTableAndTheGateFailsTheUnsafeConfiguration() throws Exception {
    Path junit = tmp.resolve("reports/gate.xml");
    CliRun r = run("compare", "--configs", "3/1/1,3/2/2", "--nodes", "3", "--time-limit", "5", "--nemesis-interval", "1.5",
        "--quiesce", "0.5", "--seed", "11", "--out", tmp.toString(), "--expect", "valid", "--junit", junit.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INVALID);
    assertThat(r.err()).contains("[1/2] 3/1/1").contains("[2/2] 3/2/2").contains("junit       " + junit);
    assertThat(r.out()).contains("config  W+R>N  verdict").contains("gate  3/1/1: FAIL: expected valid, but the run with seed 11 found anomalies")
        .contains("exit        1 (an expectation failed)");

    Path dir = RunDirectory.latest(tmp.resolve("compare"));
    for (String f : List.of(CompareOutput.JSON, CompareOutput.MARKDOWN, CompareOutput.HTML)) assertThat(Files.size(dir.resolve(f))).isPositive();
    List<String> rows = Files.readAllLines(dir.resolve(CompareOutput.MARKDOWN)).stream().filter(l -> l.startsWith("| 3/")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).startsWith("| 3/1/1 | N=3 W=1 R=1 lww strict rr=async fsync=always | no | invalid (expect valid: FAIL) |");
    assertThat(rows.get(1)).startsWith("| 3/2/2 | N=3 W=2 R=2 lww strict rr=async fsync=always | yes |");
    for (String row : rows) {
      assertThat(row.split("\\|")).hasSize(12);
      Matcher m = Pattern.compile("\\[report]\\((\\.\\./\\.\\./register/[^)]+/report\\.html)\\)").matcher(row);
      assertThat(m.find()).as(row).isTrue();
      assertThat(dir.resolve(m.group(1)).normalize()).isRegularFile();
    }

    Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile()).getDocumentElement();
    NodeList suites = root.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(2);
    Element unsafe = (Element) suites.item(0);
    assertThat(unsafe.getAttribute("name")).isEqualTo("3/1/1");
    NodeList failures = unsafe.getElementsByTagName("failure");
    assertThat(failures.getLength()).isGreaterThanOrEqualTo(2);
    boolean anomalyExplained = false;
    for (int i = 0; i < failures.getLength(); i++) {
      Element f = (Element) failures.item(i);
      if (f.getAttribute("type").equals("anomaly")) anomalyExplained |= f.getTextContent().contains("anomalies: ");
    }
    assertThat(anomalyExplained).isTrue();
  }
}
