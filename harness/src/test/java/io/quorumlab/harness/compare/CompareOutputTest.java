package io.quorumlab.harness.compare;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.harness.gate.Expectation;
import io.quorumlab.harness.gate.GateRun;
import io.quorumlab.harness.gate.SyntheticRuns;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** compare.md / compare.html / compare.json from hand-made results: rows, columns, links, bench columns. */
class CompareOutputTest {
  @TempDir Path runs;

  static final String JMH = """
      [ {
        "jmhVersion" : "1.37", "benchmark" : "io.quorumlab.bench.QuorumLatencyBench.put", "mode" : "sample", "threads" : 1,
        "params" : { "config" : "3/1/1", "conflicts" : "lww", "fault" : "none" },
        "primaryMetric" : { "score" : 1.1, "scoreUnit" : "ms/op",
          "scorePercentiles" : { "0.0" : 0.5, "50.0" : 1.0, "90.0" : 1.5, "95.0" : 1.8, "99.0" : 2.5, "99.9" : 4.0, "100.0" : 9.0 },
          "rawDataHistogram" : [ [ [ [1.0, 300], [2.0, 20] ], [ [1.0, 280] ] ] ] },
        "secondaryMetrics" : { }
      }, {
        "jmhVersion" : "1.37", "benchmark" : "io.quorumlab.bench.QuorumLatencyBench.put", "mode" : "sample", "threads" : 1,
        "params" : { "config" : "3/1/1", "conflicts" : "lww", "fault" : "slow" },
        "primaryMetric" : { "score" : 1100, "scoreUnit" : "us/op",
          "scorePercentiles" : { "0.0" : 500, "50.0" : 1000, "90.0" : 1500, "95.0" : 1800, "99.0" : 2600, "99.9" : 4000, "100.0" : 9000 },
          "rawDataHistogram" : [ [ [ [1000, 10] ] ] ] },
        "secondaryMetrics" : { }
      }, {
        "jmhVersion" : "1.37", "benchmark" : "io.quorumlab.bench.LinearizabilityBench.check", "mode" : "avgt",
        "params" : { "history" : "etcd_000.edn" }, "primaryMetric" : { "score" : 3.0, "scoreUnit" : "ms/op" }
      } ]
      """;

  private CompareResult result(boolean withBench) throws Exception {
    RunSpec base = RunSpec.defaults(7).withStore(ComparePlan.DEFAULT_STORE);
    ComparePlan plan = new ComparePlan(base, null, ConfigParser.parseList("3/1/1:expect=invalid,3/2/2:abd"), 1, Expectation.VALID, runs);
    List<CompareRow> rows = List.of(
        new CompareRow(plan.configs().get(0), plan.spec(plan.configs().get(0), 0), Expectation.INVALID,
            List.of(new GateRun(7, SyntheticRuns.runDir(runs, "register"), SyntheticRuns.invalid()))),
        new CompareRow(plan.configs().get(1), plan.spec(plan.configs().get(1), 0), Expectation.VALID,
            List.of(new GateRun(7, SyntheticRuns.runDir(runs, "register"), SyntheticRuns.valid()))));
    CompareResult r = new CompareResult(plan, rows, false, 1_700_000_000_000L, 1_700_000_060_000L, null);
    if (withBench) {
      Path bench = runs.resolve("bench/20260101-000000");
      Files.createDirectories(bench);
      Files.writeString(bench.resolve(BenchResults.JMH_JSON), JMH);
      RunDirectory.pointLatest(runs.resolve("bench"), bench);
      r = r.withBench(BenchResults.locate("latest", runs));
    }
    return r;
  }

  @Test
  void markdownHasOneRowPerConfigurationTheColumnsAndRelativeLinksThatResolve() throws Exception {
    CompareResult result = result(false);
    Path dir = CompareOutput.write(result);
    assertThat(dir.getParent()).isEqualTo(runs.resolve("compare"));
    assertThat(RunDirectory.latest(runs.resolve("compare"))).isEqualTo(dir);
    assertThat(RunDirectory.latest(runs)).isNotEqualTo(dir);
    List<String> lines = Files.readAllLines(dir.resolve(CompareOutput.MARKDOWN)).stream().filter(l -> l.startsWith("|")).toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).isEqualTo("| config | settings | W+R>N | verdict | anomalies | during faults ok/fail/info | outside faults ok/fail/info "
        + "| read ms p50/p95/p99/p99.9 | write ms p50/p95/p99/p99.9 | ok ops/s | report |");
    assertThat(lines.get(2)).startsWith("| 3/1/1:expect=invalid | N=3 W=1 R=1 lww strict rr=async fsync=always | no | invalid (expect invalid: PASS) "
        + "| nonlinearizable-key 1, stale-read 12 | 80.0/10.0/10.0% | 100/0/0% | 1.00/2.00/3.00/4.00 | 1.00/2.00/3.00/4.00 | 90 |");
    assertThat(lines.get(3)).startsWith("| 3/2/2:abd | N=3 W=2 R=2 abd strict rr=blocking fsync=always | yes | valid (expect valid: PASS) | none |");
    for (String row : lines.subList(2, 4)) {
      Matcher m = Pattern.compile("\\[report]\\(([^)]+)\\)").matcher(row);
      assertThat(m.find()).isTrue();
      String link = m.group(1);
      assertThat(link).startsWith("../../register/").endsWith("/report.html");
      assertThat(dir.resolve(link).normalize()).isRegularFile();
    }
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void htmlIsSelfContainedWithTheChartAndTheLinks() throws Exception {
    Path dir = CompareOutput.write(result(false));
    String html = Files.readString(dir.resolve(CompareOutput.HTML));
    assertThat(html).contains("<img class=\"chart\" alt=\"write p99 against anomalies\"").contains("src=\"data:image/png;base64,");
    assertThat(html).doesNotContain("<script").doesNotContain("http://").doesNotContain("https://");
    Matcher m = Pattern.compile("<a href=\"([^\"]+)\">report</a>").matcher(html);
    int links = 0;
    while (m.find()) {
      assertThat(dir.resolve(m.group(1)).normalize()).isRegularFile();
      links++;
    }
    assertThat(links).isEqualTo(2);
    assertThat(html).contains("<td class=\"verdict\">invalid (expect invalid: PASS)</td>");
  }

  @Test
  void jsonHoldsEveryNumberOfTheTable() throws Exception {
    Path dir = CompareOutput.write(result(false));
    JsonNode j = new ObjectMapper().readTree(dir.resolve(CompareOutput.JSON).toFile());
    assertThat(j.path("format").asText()).isEqualTo("quorumlab-compare/1");
    assertThat(j.path("rows")).hasSize(2);
    JsonNode row = j.path("rows").get(0);
    assertThat(row.path("config").asText()).isEqualTo("3/1/1:expect=invalid");
    assertThat(row.path("overlappingQuorums").asBoolean()).isFalse();
    assertThat(row.path("anomalies").path("stale-read").asDouble()).isEqualTo(12);
    assertThat(row.path("availability").path("duringFaults").path("fail").asLong()).isEqualTo(50);
    assertThat(row.path("latencyMs").path("write").path("p999").asDouble()).isEqualTo(4);
    assertThat(row.path("gate").path("passed").asBoolean()).isTrue();
    assertThat(row.path("runs").get(0).path("report").asText()).startsWith("../../register/");
  }

  @Test
  void withBenchAddsTheJmhLatenciesMatchedByNwrAndConflicts() throws Exception {
    CompareResult result = result(true);
    assertThat(result.bench().rows()).hasSize(2);
    assertThat(result.bench().rows().get(0).samples()).isEqualTo(600);
    assertThat(result.bench().rows().get(1).p99()).isEqualTo(2.6);
    String md = CompareOutput.markdown(result, runs.resolve("compare"));
    assertThat(md).contains("| bench get ms p50/p99 | bench put ms p50/p99 | bench put ms p50/p99, one replica slow | report |");
    assertThat(md).contains("| 90 | - | 1.00/2.50 | 1.00/2.60 | [report]");
    assertThat(CompareOutput.console(result)).contains("1.00/2.50");
  }

  @Test
  void repeatsShowVerdictCountsAndMedians() throws Exception {
    RunSpec base = RunSpec.defaults(7);
    ComparePlan plan = new ComparePlan(base, null, ConfigParser.parseList("3/2/2"), 3, null, runs);
    CompareRow row = new CompareRow(plan.configs().get(0), plan.spec(plan.configs().get(0), 0), null, List.of(
        new GateRun(7, SyntheticRuns.runDir(runs, "register"), SyntheticRuns.invalid()),
        new GateRun(8, SyntheticRuns.runDir(runs, "register"), SyntheticRuns.valid()),
        new GateRun(9, SyntheticRuns.runDir(runs, "register"), SyntheticRuns.invalid())));
    assertThat(row.verdictText()).isEqualTo("invalid 2/3 (valid 1)");
    assertThat(row.anomalies()).containsEntry("stale-read", 12.0).containsEntry("nonlinearizable-key", 1.0);
    assertThat(row.writeLatency().p99()).isEqualTo(3.0);
    assertThat(row.duringFaults().total()).isEqualTo(1500);
    CompareResult r = new CompareResult(plan, List.of(row), false, 0, 1, null);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(CompareOutput.markdown(r, runs.resolve("compare"))).contains("[seed 7](").contains("[seed 9](");
  }
}
