package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.write.RunWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsRoundTripTest {
  static SyntheticRun run;

  @TempDir Path dir;

  @BeforeAll
  static void generate() {
    run = SyntheticRun.generate(7, 40, 8);
  }

  @Test
  void resultsJsonReadsBackEqual() throws IOException {
    RunResults written = RunWriter.write(dir, run.info, run.history, SyntheticRun.checks(dir));
    RunResults read = ResultsReader.read(dir);

    assertThat(read).isEqualTo(written);
    assertThat(read.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(read.exitCode()).isEqualTo(1);
    // Merged across checks: 2 from linearizable + 1 from stale-read.
    assertThat(read.anomalies()).containsExactly(Map.entry("nonlinearizable-key", 3L), Map.entry("stale-read", 14L));
    assertThat(read.checks()).extracting(CheckSummary::name).containsExactly("linearizable", "stale-read", "timeouts");
    assertThat(read.checks().get(0).artifacts()).containsExactly("checks/linearizable/k3-timeline.html", "checks/linearizable/k3.svg");
    assertThat(read.info().spec().get("seed")).isEqualTo(7L);
    assertThat(read.info().spec().get("nemesis")).isEqualTo(List.of("partition", "kill"));
    assertThat(read.metrics().faults()).hasSize(3);
    assertThat(read.duringFaults().total()).isPositive();
    assertThat(read.readLatency().p99()).isPositive();
    assertThat(read.throughput()).isPositive();
  }

  @Test
  void theFileIsReadableByAnyJsonToolAndLeadsWithTheVerdict() throws IOException {
    ResultsWriter.writeResults(dir, RunResults.of(dir, run.info, run.history, SyntheticRun.checks(dir)));
    String text = Files.readString(dir.resolve(RunDirectory.RESULTS));
    JsonNode n = new ObjectMapper().readTree(text);

    assertThat(n.fieldNames()).toIterable().startsWith("format", "verdict", "exitCode");
    assertThat(n.get("verdict").asText()).isEqualTo("invalid");
    assertThat(n.get("checks").get(0).get("verdict").asText()).isEqualTo("invalid");
    assertThat(n.get("spec").get("n").asLong()).isEqualTo(3);
    assertThat(n.get("run").get("phases")).hasSize(7);
    assertThat(n.get("run").get("startedAt").asText()).endsWith("Z");
    assertThat(n.get("metrics").get("duringFaults").get("okShare").asDouble()).isBetween(0.0, 1.0);
    assertThat(n.get("metrics").get("readLatency").get("p999").isNumber()).isTrue();
    assertThat(text).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void aCrashedRunIsUnknownWhateverTheCheckersSaid() throws IOException {
    RunInfo crashed = run.info.withError("interrupted (Ctrl-C) during load");
    List<CheckResult> allValid = List.of(new CheckResult("linearizable", Verdict.VALID, "ok", List.of(), Map.of(), Map.of(), List.of()));
    RunResults r = RunWriter.write(dir, crashed, run.history, allValid);

    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(ResultsReader.read(dir).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(ResultsReader.read(dir).info().error()).isEqualTo("interrupted (Ctrl-C) during load");
  }

  @Test
  void verdictCombinesChecks() throws IOException {
    CheckResult valid = new CheckResult("a", Verdict.VALID, "ok", List.of(), Map.of(), Map.of(), List.of());
    CheckResult unknown = new CheckResult("b", Verdict.UNKNOWN, "gave up", List.of(), Map.of(), Map.of(), List.of());
    CheckResult invalid = new CheckResult("c", Verdict.INVALID, "bad", List.of("why"), Map.of("x", 1L), Map.of(), List.of());
    assertThat(RunResults.of(dir, run.info, run.history, List.of(valid)).verdict()).isEqualTo(Verdict.VALID);
    assertThat(RunResults.of(dir, run.info, run.history, List.of(valid, unknown)).verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(RunResults.of(dir, run.info, run.history, List.of(unknown, invalid, valid)).verdict()).isEqualTo(Verdict.INVALID);
    // Nothing checked means nothing known.
    assertThat(RunResults.of(dir, run.info, run.history, List.of()).verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  @Test
  void specFileKeepsOptionOrderAndTypes() throws IOException {
    ResultsWriter.writeSpec(dir, run.info.spec());
    Map<String, Object> spec = ResultsReader.readSpec(dir);
    assertThat(spec).isEqualTo(run.info.spec());
    assertThat(spec.keySet()).containsExactlyElementsOf(run.info.spec().keySet());
  }

  @Test
  void readerErrorsAreOneLineMessages() throws IOException {
    assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("no results.json in");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{not json");
    assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("is not a valid results file");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{\"verdict\":\"valid\"}");
    assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("not a quorumlab results file");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{\"format\":\"quorumlab-results/9\"}");
    assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("has format quorumlab-results/9");
    Files.writeString(dir.resolve(RunDirectory.RESULTS), "{\"format\":\"quorumlab-results/1\",\"verdict\":\"maybe\"}");
    assertThatThrownBy(() -> ResultsReader.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("not a valid results file")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
