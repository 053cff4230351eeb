package io.quorumlab.harness.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunResults;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The JUnit XML is well-formed and fails exactly the cases the gate should fail. */
class JUnitReportTest {
  @TempDir Path tmp;

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(file.toFile());
  }

  private static List<Element> elements(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < l.getLength(); i++) out.add((Element) l.item(i));
    return out;
  }

  private static Element testcase(Element suite, String name) {
    return elements(suite, "testcase").stream().filter(e -> e.getAttribute("name").equals(name)).findFirst().orElseThrow();
  }

  private GateCase gateCase(String name, Expectation expect, RunResults r) throws Exception {
    return new GateCase(name, "N=3 W=1 R=1 lww strict", "register", expect, List.of(new GateRun(7, SyntheticRuns.runDir(tmp, "register"), r)));
  }

  @Test
  void oneSuitePerConfigurationOneCasePerCheckerFailuresCarryTheExplanation() throws Exception {
    Path file = tmp.resolve("out/gate.xml");
    JUnitReport.write(file, "quorumlab compare register", List.of(
        gateCase("3/1/1", Expectation.VALID, SyntheticRuns.invalid()),
        gateCase("3/2/2:abd", Expectation.VALID, SyntheticRuns.valid())));
    Element root = parse(file).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("testsuites");
    assertThat(root.getAttribute("tests")).isEqualTo("6");
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    List<Element> suites = elements(root, "testsuite");
    assertThat(suites).extracting(e -> e.getAttribute("name")).containsExactly("3/1/1", "3/2/2:abd");

    Element bad = suites.get(0);
    assertThat(elements(bad, "testcase")).extracting(e -> e.getAttribute("name"))
        .containsExactly("linearizable", "stale-read", "expect valid");
    Element lin = elements(testcase(bad, "linearizable"), "failure").get(0);
    assertThat(lin.getAttribute("message")).isEqualTo("not linearizable: key 8");
    assertThat(lin.getAttribute("type")).isEqualTo("anomaly");
    // Characters XML must escape survive the round trip.
    assertThat(lin.getTextContent()).contains("read returned 21 <but> write 22 was acknowledged").contains("anomalies: nonlinearizable-key 1");
    assertThat(elements(testcase(bad, "stale-read"), "failure").get(0).getTextContent()).contains("key 5: read returned 28 & missed 29");
    assertThat(elements(testcase(bad, "expect valid"), "failure").get(0).getAttribute("message"))
        .isEqualTo("expected valid, but the run with seed 7 found anomalies (nonlinearizable-key 1, stale-read 12)");

    Element good = suites.get(1);
    assertThat(good.getAttribute("failures")).isEqualTo("0");
    assertThat(elements(good, "failure")).isEmpty();
    assertThat(elements(good, "property")).anyMatch(p -> p.getAttribute("name").equals("seed") && p.getAttribute("value").equals("7"));
  }

  @Test
  void underExpectInvalidAnomaliesPassAndAValidRunFailsTheConfigurationCase() throws Exception {
    Path file = tmp.resolve("gate.xml");
    JUnitReport.write(file, "x", List.of(gateCase("caught", Expectation.INVALID, SyntheticRuns.invalid()),
        gateCase("missed", Expectation.INVALID, SyntheticRuns.valid())));
    List<Element> suites = elements(parse(file).getDocumentElement(), "testsuite");
    Element caught = suites.get(0);
    assertThat(elements(caught, "failure")).isEmpty();
    assertThat(elements(testcase(caught, "linearizable"), "system-out").get(0).getTextContent()).startsWith("anomalies, as expected:");
    Element missed = suites.get(1);
    assertThat(elements(missed, "failure")).hasSize(1);
    assertThat(elements(testcase(missed, "expect invalid"), "failure").get(0).getAttribute("message"))
        .startsWith("expected invalid, but the run found no anomaly");
  }

  @Test
  void anUndecidedCheckerFailsWithAClearMessage() throws Exception {
    Path file = tmp.resolve("gate.xml");
    JUnitReport.write(file, "x", List.of(gateCase("3/3/3", null, SyntheticRuns.unknown())));
    Element suite = elements(parse(file).getDocumentElement(), "testsuite").get(0);
    assertThat(elements(testcase(suite, "linearizable"), "failure").get(0).getAttribute("message"))
        .isEqualTo("the checker could not decide: gave up after 30 s on key 3");
    assertThat(elements(testcase(suite, "expect valid (default)"), "failure").get(0).getAttribute("message"))
        .contains("has no verdict (unknown: linearizable gave up after 30 s on key 3)");
  }

  @Test
  void repeatsGetOneCasePerCheckerAndRun() throws Exception {
    GateCase c = new GateCase("3/2/2", "N=3 W=2 R=2", "register", Expectation.INVALID, List.of(
        new GateRun(7, SyntheticRuns.runDir(tmp, "register"), SyntheticRuns.valid()),
        new GateRun(8, SyntheticRuns.runDir(tmp, "register"), SyntheticRuns.invalid())));
    Path file = tmp.resolve("gate.xml");
    JUnitReport.write(file, "x", List.of(c));
    Element suite = elements(parse(file).getDocumentElement(), "testsuite").get(0);
    assertThat(elements(suite, "testcase")).extracting(e -> e.getAttribute("name")).containsExactly(
        "linearizable [seed 7]", "stale-read [seed 7]", "linearizable [seed 8]", "stale-read [seed 8]", "expect invalid");
    assertThat(suite.getAttribute("failures")).isEqualTo("0");
    assertThat(elements(suite, "property")).anyMatch(p -> p.getAttribute("name").equals("run 2 seed") && p.getAttribute("value").equals("8"));
  }

  @Test
  void controlCharactersInExplanationsDoNotBreakTheXml() throws Exception {
    RunResults r = SyntheticRuns.results(List.of(new io.quorumlab.results.CheckSummary("set", Verdict.INVALID, "lost \u0001add",
        List.of("value \u0000 \u001b[31m"), java.util.Map.of("lost-add", 1L), java.util.Map.of(), List.of())), 1, null);
    Path file = tmp.resolve("gate.xml");
    JUnitReport.write(file, "x", List.of(gateCase("c", Expectation.VALID, r)));
    assertThat(parse(file).getDocumentElement().getAttribute("failures")).isEqualTo("2");
  }

  @Test
  void runGateOptionsTurnAnAnomalyIntoExitOneAndAJUnitFailure() throws Exception {
    GateOptions gate = new GateOptions();
    gate.expect = Expectation.VALID;
    gate.junit = tmp.resolve("run.xml");
    RunSpec spec = RunSpec.defaults(7).withQuorums(3, 1, 1);
    RunOutcome outcome = new RunOutcome(SyntheticRuns.runDir(tmp, "register"), SyntheticRuns.invalid(), List.of(), 1);
    StringWriter out = new StringWriter();
    int code = gate.finish(new PrintWriter(out), new PrintWriter(new StringWriter()), spec, outcome);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("gate        FAIL: expected valid, but the run with seed 7 found anomalies");
    Element root = parse(gate.junit).getDocumentElement();
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    assertThat(elements(root, "testsuite").get(0).getAttribute("name")).isEqualTo("N=3 W=1 R=1 lww sloppy");

    gate.expect = Expectation.INVALID;
    assertThat(gate.finish(new PrintWriter(out), new PrintWriter(new StringWriter()), spec, outcome)).isZero();
    gate.expect = null;
    assertThat(gate.finish(new PrintWriter(out), new PrintWriter(new StringWriter()), spec, outcome)).isEqualTo(1);
    assertThat(Files.readString(gate.junit)).contains("expect valid (default)");
  }
}
