package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.shrink.HistoryDigest;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay RUN_DIR}: the same run again, or a loud no; bad run dirs are refused untouched. */
class ReplayCommandTest {
  @TempDir static Path runs;
  @TempDir Path out;
  private static Path recorded;
  private static int recordedExit;

  @BeforeAll
  static void recordARun() throws IOException {
    CliRun r = CliRun.run("run", "--backend", "sim", "--out", runs.toString(), "--seed", "11", "--nodes", "3", "--time-limit", "3",
        "--rate", "40", "--concurrency", "4", "--nemesis", "partition", "--nemesis-interval", "1", "--quiesce", "0.5");
    recordedExit = r.code();
    recorded = RunDirectory.latest(runs).toRealPath();
  }

  @Test
  void aReplayHasTheSameHistoryDigestVerdictAndExitCode() throws IOException {
    Map<String, String> before = hashes(recorded);
    CliRun r = CliRun.run("replay", recorded.toString(), "--out", out.toString());
    String digest = HistoryDigest.of(recorded.resolve(RunDirectory.HISTORY));
    assertThat(r.out()).contains("recorded    history sha256 " + digest).contains("replayed    history sha256 " + digest)
        .contains("replay      identical: same history, same verdict, exit " + recordedExit);
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(recordedExit);
    assertThat(hashes(recorded)).isEqualTo(before);
  }

  @Test
  void aHistoryThatDiffersFromTheReplayIsNamedByItsFirstDifferingLine() throws IOException {
    Path copy = copy(recorded, out.resolve("edited"));
    Path history = copy.resolve(RunDirectory.HISTORY);
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(history));
    lines.set(4, lines.get(4).replace("\"time\":", "\"time\":9"));
    Files.write(history, lines);
    CliRun r = CliRun.run("replay", copy.toString(), "--out", out.resolve("runs").toString());
    assertThat(r.out()).contains("DIVERGED    the replay's history differs from the recorded one at line 5: recorded ");
    assertThat(r.code()).isEqualTo(2);
  }

  @Test
  void aRunOfALocalBackendIsRefusedUntouched() throws IOException {
    Path copy = copy(recorded, out.resolve("local"));
    editSpec(copy, "\"backend\" : \"sim\"", "\"backend\" : \"local\"");
    assertRefusedUntouched(copy, "is a run of the local backend: only a run of the sim backend");
  }

  @Test
  void specsOfAnOlderOrNewerFormatAreRefusedUntouched() throws IOException {
    Path older = copy(recorded, out.resolve("older"));
    editSpec(older, "\"spec-format\" : 2,", "");
    assertRefusedUntouched(older, "is of an older format (spec-format 1)");
    Path newer = copy(recorded, out.resolve("newer"));
    editSpec(newer, "\"spec-format\" : 2,", "\"spec-format\" : 3,");
    assertRefusedUntouched(newer, "is of a newer format (spec-format 3)");
  }

  @Test
  void aMissingDirectoryAMissingSpecAndACorruptSpecAreRefused() throws IOException {
    CliRun missing = CliRun.run("replay", out.resolve("nowhere").toString());
    assertThat(missing.code()).isEqualTo(254);
    assertThat(missing.err()).contains("is not a directory");
    Path noSpec = copy(recorded, out.resolve("nospec"));
    Files.delete(noSpec.resolve(RunDirectory.SPEC));
    assertRefusedUntouched(noSpec, "no spec.json in");
    Path corrupt = copy(recorded, out.resolve("corrupt"));
    editSpec(corrupt, "\"seed\" :", "\"seed\" ::");
    assertRefusedUntouched(corrupt, "is not valid JSON");
  }

  private void assertRefusedUntouched(Path dir, String message) throws IOException {
    Map<String, String> before = hashes(dir);
    CliRun r = CliRun.run("replay", dir.toString(), "--out", out.resolve("runs").toString());
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(254);
    assertThat(r.err()).contains(message).doesNotContain("Exception").hasLineCount(1);
    assertThat(hashes(dir)).isEqualTo(before);
  }

  private static void editSpec(Path dir, String from, String to) throws IOException {
    Path spec = dir.resolve(RunDirectory.SPEC);
    String text = Files.readString(spec);
    assertThat(text).contains(from);
    Files.writeString(spec, text.replace(from, to));
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return to;
  }

  /** Every file under {@code dir} with the SHA-256 of its content. */
  static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), HistoryDigest.of(p));
    }
    return out;
  }

  static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }
}
