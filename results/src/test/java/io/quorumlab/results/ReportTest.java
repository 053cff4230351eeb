package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.results.write.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {
  static SyntheticRun run;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    run = SyntheticRun.generate(11, 60, 8);
  }

  private String report(RunInfo info, List<CheckResult> checks) throws IOException {
    RunWriter.write(dir, info, run.history, checks);
    return Files.readString(dir.resolve(RunDirectory.REPORT));
  }

  @Test
  void leadsWithTheVerdictAndEveryExplanationEscaped() throws IOException {
    String html = report(run.info, SyntheticRun.checks(dir));

    int verdict = html.indexOf(">INVALID<");
    assertThat(verdict).isPositive();
    assertThat(html).contains("Found 17 anomalies: 14 stale-read, 3 nonlinearizable-key.");
    for (CheckResult c : SyntheticRun.checks(dir)) {
      assertThat(html).contains(">" + c.checker() + "</h3>");
      for (String line : c.explanation()) {
        String escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
        assertThat(html).contains(escaped);
        assertThat(html.indexOf(escaped)).isGreaterThan(verdict).isLessThan(html.indexOf("id=\"latency\""));
      }
    }
    assertThat(html).doesNotContain("<script>alert(1)</script>");
    assertThat(html).contains("<a href=\"checks/linearizable/k3-timeline.html\">").contains("src=\"checks/linearizable/k3.svg\"");
  }

  @Test
  void hasAChartPerSectionShadesFaultsAndIsSelfContained() throws IOException {
    String html = report(run.info, SyntheticRun.checks(dir));

    for (String section : List.of("latency", "quantiles", "throughput", "availability")) {
      String body = section(html, section);
      assertThat(body).as(section).containsPattern("<svg[^>]*class=\"chart\"|<img class=\"chart\"[^>]*src=\"data:image/png;base64,");
      assertThat(body).as(section).doesNotContain("class=\"chart-missing\"");
    }
    assertThat(html).contains("{n1 n2} | {n3 n4 n5}"); // fault table
    assertThat(html).contains("Shaded bands: faults in force");
    // Nothing fetched from elsewhere: no scripts, stylesheets, fonts or remote images.
    assertThat(html).doesNotContainPattern("(?i)<script|<link|@import|url\\(http|src=\"https?:|@font-face");
    assertThat(html.length()).isLessThan(3_000_000);
  }

  @Test
  void showsEverySettingAndThePhaseTimeline() throws IOException {
    String html = report(run.info, SyntheticRun.checks(dir));

    String settings = section(html, "settings");
    for (Map.Entry<String, Object> e : run.info.spec().entrySet()) {
      assertThat(settings).contains("<th>" + e.getKey() + "</th>");
    }
    assertThat(settings).contains("<code>[&quot;partition&quot;,&quot;kill&quot;]</code>").contains("<code>lww</code>");
    assertThat(html).contains("N=3 W=1 R=1");
    String timeline = section(html, "timeline");
    for (Phase p : run.info.phases()) assertThat(timeline).contains(">" + p.name() + "</div>");
  }

  @Test
  void aCrashedRunSaysSoAndIsUnknown() throws IOException {
    String html = report(run.info.withError("the cluster failed to start: n3 exited with code 1"), SyntheticRun.checks(dir));

    assertThat(html).contains(">UNKNOWN<").contains("class=\"crash\"").contains("the cluster failed to start: n3 exited with code 1");
    assertThat(html).doesNotContain(">INVALID</div>");
  }

  @Test
  void explainsWhyUnderTheHeadlineAsTheConsoleDoes() throws IOException {
    // The synthetic run: register, N=3 W=1 R=1, lww, sloppy, read repair off; invalid.
    RunResults results = RunResults.of(dir, run.info, run.history, SyntheticRun.checks(dir));
    String html = report(run.info, SyntheticRun.checks(dir));

    assertThat(Lessons.of(results)).isNotEmpty();
    int headline = html.indexOf("class=\"headline");
    for (String line : Lessons.of(results)) {
      String escaped = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
      assertThat(html).contains("<li>" + escaped + "</li>");
      assertThat(html.indexOf(escaped)).isGreaterThan(headline).isLessThan(html.indexOf("id=\"findings\""));
    }
    assertThat(html).contains("W + R = 2 &lt;= N = 3: a read quorum need not include");
  }

  @Test
  void aCrashedRunsFindingsAreSaidToBeNoVerdict() throws IOException {
    String html = report(run.info.withError("interrupted"), SyntheticRun.checks(dir));

    assertThat(html).contains("the run did not end normally, so what the checkers found is shown but is no verdict").doesNotContain("W + R = 2 &lt;= N = 3");
  }

  @Test
  void aValidRunWithoutFaultsOrOpsStillRenders() throws IOException {
    RunInfo info = new RunInfo("set", "docker", Map.of("seed", 1L), 0, List.of(), null);
    CheckResult ok = new CheckResult("set", Verdict.VALID, "all 0 adds present", List.of(), Map.of(), Map.of(), List.of());
    RunWriter.write(dir, info, new History(List.of()), List.of(ok));
    String html = Files.readString(dir.resolve(RunDirectory.REPORT));
    assertThat(html).contains(">VALID<").contains("The set checker found no anomaly").contains("No faults were injected");
    assertThat(html).doesNotContain("class=\"chart-missing\"");
  }

  @Test
  void aHistoryWithoutTimesRendersWithoutLatencies() throws IOException {
    // Imported Jepsen histories may carry no times (time -1): counts still work, charts say "no data".
    List<io.quorumlab.checkers.history.Op> ops = List.of(
        io.quorumlab.checkers.history.Op.of(0, -1, 0, io.quorumlab.checkers.history.OpType.INVOKE, "read", "x", null),
        io.quorumlab.checkers.history.Op.of(1, -1, 0, io.quorumlab.checkers.history.OpType.OK, "read", "x", 1L));
    RunInfo info = new RunInfo("register", "imported", Map.of(), 0, List.of(), null);
    CheckResult ok = new CheckResult("linearizable", Verdict.VALID, "linearizable", List.of(), Map.of(), Map.of(), List.of());
    RunResults r = RunWriter.write(dir, info, new History(ops), List.of(ok));
    assertThat(r.metrics().overall()).isEqualTo(new Outcomes(1, 0, 0));
    assertThat(r.readLatency().count()).isZero();
    String html = Files.readString(dir.resolve(RunDirectory.REPORT));
    assertThat(html).contains(">VALID<").doesNotContain("class=\"chart-missing\"");
  }

  /** The markup of one section, from its id to the next section. */
  private static String section(String html, String id) {
    Matcher m = Pattern.compile("<section id=\"" + id + "\">(.*?)</section>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("section " + id).isTrue();
    return m.group(1);
  }
}
