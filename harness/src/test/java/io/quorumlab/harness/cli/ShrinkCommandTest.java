package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.shrink.AnomalyClass;
import io.quorumlab.harness.shrink.RecordedRun;
import io.quorumlab.harness.shrink.Replay;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shrink RUN_DIR}: a failing run becomes a tiny one that fails the same way; a valid run is refused. */
class ShrinkCommandTest {
  @TempDir Path runs;
  @TempDir Path out;

  @Test
  void aLwwRunUnderPartitionsShrinksToAtMostFourOpsAndOneFaultThatReplayToTheSameAnomaly() throws IOException {
    CliRun original = CliRun.run("run", "--backend", "sim", "--out", runs.toString(), "--seed", "1", "--nodes", "3", "--time-limit", "6",
        "--rate", "50", "--concurrency", "10", "--nemesis", "partition", "--nemesis-interval", "2", "--quiesce", "1");
    assertThat(original.code()).as("the run to shrink fails").isEqualTo(1);
    Path failing = RunDirectory.latest(runs).toRealPath();
    AnomalyClass target = AnomalyClass.firstOf(RecordedRun.read(failing).results()).orElseThrow();
    Map<String, String> before = ReplayCommandTest.hashes(failing);

    CliRun r = CliRun.run("shrink", failing.toString(), "--out", out.toString());

    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("shrink  fewer ops");
    int ops = Integer.parseInt(ReplayCommandTest.group(r.out(), "after +(\\d+) ops"));
    int faults = Integer.parseInt(ReplayCommandTest.group(r.out(), "after .* (\\d+) faults"));
    assertThat(ops).isBetween(1, 4);
    assertThat(faults).isLessThanOrEqualTo(1);
    assertThat(r.out()).containsPattern("replays +\\d+ in ");
    assertThat(ReplayCommandTest.hashes(failing)).as("the shrunk run's directory untouched").isEqualTo(before);

    Path shrunk = RunDirectory.latest(out).toRealPath();
    assertThat(shrunk.resolve(RunDirectory.REPORT)).exists();
    Replay.Result replay = Replay.run(RecordedRun.read(shrunk), out.resolve("replays"), ProgressSink.NONE);
    assertThat(replay.sameHistory()).isTrue();
    assertThat(target.foundIn(replay.replay().results())).as("the replay finds " + target).isTrue();
    assertThat(replay.replay().results().metrics().overall().ok() + replay.replay().results().metrics().overall().fail()
        + replay.replay().results().metrics().overall().info()).isLessThanOrEqualTo(4 + 4);
  }

  @Test
  void aValidRunHasNothingToShrink() throws IOException {
    CliRun valid = CliRun.run("run", "--backend", "sim", "--out", runs.toString(), "--seed", "2", "--nodes", "3", "--time-limit", "1",
        "--rate", "20", "--concurrency", "2", "--nemesis", "none", "--quiesce", "0", "--conflicts", "abd", "--quorum", "strict",
        "--read-repair", "blocking", "--w", "2", "--r", "2");
    assertThat(valid.code()).isZero();
    Path dir = RunDirectory.latest(runs).toRealPath();
    Map<String, String> before = ReplayCommandTest.hashes(dir);
    CliRun r = CliRun.run("shrink", dir.toString(), "--out", out.toString());
    assertThat(r.code()).isEqualTo(254);
    assertThat(r.err()).contains("is valid: no checker found an anomaly, so there is nothing to shrink").hasLineCount(1);
    assertThat(ReplayCommandTest.hashes(dir)).isEqualTo(before);
  }
}
