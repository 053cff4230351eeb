package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorumlab explore} as a user types it. */
class ExploreCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] SCENARIO = {"--nodes", "3", "--workload", "register", "--time-limit", "10", "--nemesis-interval", "2",
      "--quiesce", "1"};

  @TempDir Path out;

  @Test
  void findsTheLostWritesOfLww311UnderPartitionsAndTheRunCommandReproducesTheSeed() throws Exception {
    CliRun r = explore("--nemesis", "partition", "--first-seed", "1", "--seeds", "6", "--threads", "2");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.out()).containsPattern("seeds +\\d+ run, \\d+ failing \\(\\d+\\.\\d% \\[\\d+\\.\\d, \\d+\\.\\d\\]\\)")
        .containsPattern("  linearizable nonlinearizable-key +\\d+\\.\\d% \\[")
        .containsPattern("first +seed \\d: after \\d seeds?, \\d+\\.\\d s of wall time, [\\d,]+ s simulated")
        .contains("exit        1 (anomalies found)");
    Path runDir = Path.of(match(r.out(), "replay    \\./quorumlab replay (\\S+)"));
    for (String f : List.of(RunDirectory.SPEC, RunDirectory.HISTORY, RunDirectory.RESULTS, RunDirectory.REPORT)) {
      assertThat(runDir.resolve(f)).exists();
    }
    assertReproduces(r.out(), runDir);
  }

  /** The swarm draws the scenario from the seed; the spec written and the command printed are the drawn one, which replays. */
  @Test
  void aSwarmSeedRecordsWhatItDrewAndReplaysFromIt() throws Exception {
    CliRun r = explore("--nemesis", "partition,kill,pause", "--swarm", "--first-seed", "3", "--seeds", "6", "--threads", "2");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    Path runDir = Path.of(match(r.out(), "replay    \\./quorumlab replay (\\S+)"));
    long seed = Long.parseLong(match(r.out(), "first +seed (\\d+):"));
    RunSpec recorded = RunSpec.fromMap(spec(runDir));
    RunSpec base = RunSpec.fromMap(spec(runDir)).withNemesis(io.quorumlab.harness.nemesis.NemesisPlan.of("partition,kill,pause", 2))
        .withLoad(new io.quorumlab.harness.run.LoadSpec("register", 10, 100, 30, 1));
    assertThat(recorded).isEqualTo(io.quorumlab.harness.explore.Swarm.draw(base, seed));
    assertReproduces(r.out(), runDir);
  }

  @Test
  void abdWithStrictQuorumsAndBlockingReadRepairStaysValidOverTwentySeedsAndWritesNothing() throws IOException {
    CliRun r = explore("--w", "2", "--r", "2", "--quorum", "strict", "--conflicts", "abd", "--read-repair", "blocking",
        "--nemesis", "partition", "--first-seed", "1", "--seeds", "20", "--all");
    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("seeds       20 run, 0 failing (0.0% [0.0, 16.1]), 0 unknown").doesNotContain("replay")
        .contains("exit        0 (every seed valid)");
    assertThat(r.err()).contains("quorumlab explore: 20 seeds (1..20)").contains("explore");
    try (Stream<Path> files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).toList()).as("valid seeds write no run directory").isEmpty();
    }
  }

  @Test
  void refusesOtherBackendsAndNoSeedsWith254() {
    CliRun local = CliRun.run("explore", "--backend", "local", "--seeds", "3", "--out", out.toString());
    assertThat(local.code()).isEqualTo(254);
    assertThat(local.err()).contains("explore runs on the sim backend only (--backend sim), not local").doesNotContain("Exception");
    for (String k : List.of("0", "-5")) {
      CliRun none = CliRun.run("explore", "--seeds", k, "--out", out.toString());
      assertThat(none.code()).isEqualTo(254);
      assertThat(none.err()).contains("--seeds must be between 1 and");
    }
    CliRun seed = CliRun.run("explore", "--seed", "4", "--out", out.toString());
    assertThat(seed.code()).isEqualTo(254);
    assertThat(seed.err()).contains("explore takes --first-seed S");
    assertThat(CliRun.run("explore", "--seeds", "many").code()).isEqualTo(254);
  }

  @Test
  void helpPrintsItsPercentSignsWithoutAFormatWarning() {
    for (String command : List.of("explore", "compare")) {
      CliRun help = CliRun.run(command, "--help");
      assertThat(help.code()).isZero();
      assertThat(help.out()).containsPattern("95%\\s+Wilson");
      assertThat(help.err()).doesNotContain("WARN");
    }
  }

  private CliRun explore(String... args) {
    List<String> all = new ArrayList<>(List.of("explore", "--out", out.toString()));
    all.addAll(List.of(SCENARIO));
    all.addAll(List.of(args));
    return CliRun.run(all.toArray(String[]::new));
  }

  /** Runs the printed 'quorumlab run' command: the same history, byte for byte, and the same verdict. */
  private void assertReproduces(String printed, Path runDir) throws Exception {
    String command = match(printed, "run       \\./quorumlab run (.+)");
    List<String> args = new ArrayList<>(List.of("run"));
    args.addAll(List.of(command.split(" ")));
    Path again = out.resolve("again");
    args.addAll(List.of("--out", again.toString()));
    CliRun run = CliRun.run(args.toArray(String[]::new));
    Path rerun = Path.of(match(run.out(), "report +(\\S+)/report.html"));
    assertThat(sha256(rerun.resolve(RunDirectory.HISTORY))).isEqualTo(sha256(runDir.resolve(RunDirectory.HISTORY)));
    assertThat(results(rerun).get("verdict")).isEqualTo("invalid").isEqualTo(results(runDir).get("verdict"));
    assertThat(run.code()).isEqualTo(1);
    Map<String, Object> a = spec(runDir);
    Map<String, Object> b = spec(rerun);
    assertThat(RunSpec.fromMap(b)).isEqualTo(RunSpec.fromMap(a));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(Path runDir) throws IOException {
    return JSON.readValue(runDir.resolve(RunDirectory.SPEC).toFile(), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> results(Path runDir) throws IOException {
    return JSON.readValue(runDir.resolve(RunDirectory.RESULTS).toFile(), Map.class);
  }

  private static String sha256(Path f) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
  }

  private static String match(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'" + regex + "' in:\n" + text).isTrue();
    return m.group(1);
  }
}
