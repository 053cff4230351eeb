package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.harness.compare.CompareOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --backend sim --seeds K}: rates over seeds, in memory. */
class CompareSeedsTest {
  private static final String[] SCENARIO = {"--nodes", "3", "--workload", "register", "--nemesis", "partition",
      "--nemesis-interval", "2", "--time-limit", "10", "--quiesce", "1", "--seed", "1"};

  @TempDir Path out;

  @Test
  void ratesWithIntervalsAChartAndTheGateOverSeeds() throws IOException {
    CliRun r = compare("--seeds", "8", "--configs", "3/1/1:expect=invalid,3/2/2:abd:expect=valid");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("gate  3/1/1:expect=invalid: PASS: expected invalid; anomalies caught in")
        .contains("gate  3/2/2:abd:expect=valid: PASS: expected valid; no anomaly in 8 runs")
        .containsPattern("3/1/1:expect=invalid +no +\\d/8 \\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\]")
        .containsPattern("linearizable nonlinearizable-key \\d+\\.\\d% \\[")
        .containsPattern("3/2/2:abd:expect=valid +yes +0/8 0\\.0% \\[0\\.0, 32\\.4\\] +valid \\(expect valid: PASS\\) +none");
    Path dir = Path.of(r.out().lines().filter(l -> l.startsWith("compare ")).findFirst().orElseThrow().substring(12)).getParent();
    String html = Files.readString(dir.resolve(CompareOutput.HTML));
    assertThat(html).contains("<img class=\"chart\" alt=\"anomaly rates per configuration\"").contains("95% Wilson interval");
    JsonNode json = new ObjectMapper().readTree(dir.resolve(CompareOutput.JSON).toFile());
    JsonNode lww = json.get("rows").get(0);
    assertThat(lww.get("seeds").asLong()).isEqualTo(8);
    assertThat(lww.get("failing").get("seeds").asLong()).isBetween(1L, 8L);
    assertThat(lww.get("classes").get("linearizable nonlinearizable-key").get("low95").asDouble()).isGreaterThan(0);
    assertThat(lww.get("readP50Ms").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(json.get("rows").get(1).get("failing").get("high95").asDouble()).isBetween(0.32, 0.33);
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(dir)).toList()).as("no run directories").isEmpty();
    }
  }

  @Test
  void expectValidFailsWhenAnySeedFails() {
    CliRun r = compare("--seeds", "3", "--configs", "3/1/1", "--expect", "valid");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).contains("gate  3/1/1: FAIL: expected valid, but").contains("exit        1 (an expectation failed)");
  }

  @Test
  void badInputIsRefusedWith254() {
    record Case(List<String> args, String message) {}
    for (Case c : List.of(
        new Case(List.of("--seeds", "0"), "--seeds must be between 1 and"),
        new Case(List.of("--seeds", "5", "--repeat", "2"), "--seeds and --repeat are two ways"),
        new Case(List.of("--seeds", "5", "--backend", "local"), "--seeds runs in the simulation only (--backend sim), not local"))) {
      CliRun r = compare(c.args().toArray(String[]::new));
      assertThat(r.code()).as(c.args().toString()).isEqualTo(254);
      assertThat(r.err()).as(c.args().toString()).contains(c.message()).doesNotContain("Exception");
    }
    assertThat(out.resolve("compare")).doesNotExist();
  }

  private CliRun compare(String... args) {
    List<String> all = new ArrayList<>(List.of("compare", "--out", out.toString()));
    all.addAll(List.of(SCENARIO));
    all.addAll(List.of(args));
    if (!all.contains("--backend")) all.addAll(List.of("--backend", "sim"));
    return CliRun.run(all.toArray(String[]::new));
  }
}
