package io.quorumlab.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerLossLessonsTest {

  private static RunResults run(String fsync, Verdict verdict, String diskValue) {
    Map<String, Object> spec = Map.of("n", 3, "w", 1, "r", 1, "quorum", "sloppy", "read-repair", "async",
        "conflicts", "siblings", "fsync", fsync, "nemesis", "disk");
    RunInfo info = new RunInfo("set", "sim", spec, 0, List.of(), null);
    List<FaultInterval> faults = diskValue == null ? List.of() : List.of(new FaultInterval("disk", diskValue, 1, 2));
    RunMetrics metrics = new RunMetrics(null, null, null, null, null, null, 0, 0, faults, null);
    return new RunResults(verdict, List.of(), Map.of(), metrics, info);
  }

  @Test
  void lostWritesUnderFsyncNeverAreExplainedByTheCrash() {
    assertThat(Lessons.of(run("never", Verdict.INVALID, "crash (all) n1: 12 unsynced writes lost")))
        .anySatisfy(l -> assertThat(l).startsWith("fsync never: a replica acknowledges a write once it is in the page cache")
            .contains("W = 1"));
    assertThat(Lessons.of(run("periodic", Verdict.INVALID, "torn (one) n2: ...")))
        .anySatisfy(l -> assertThat(l).contains("before its next periodic sync"));
  }

  @Test
  void fsyncAlwaysExplainsWhyACrashLostNothing() {
    assertThat(Lessons.of(run("always", Verdict.VALID, "crash (one) n1: 0 unsynced writes lost")))
        .anySatisfy(l -> assertThat(l).startsWith("fsync always: every replica synced each write"));
  }

  @Test
  void noPowerLossNoLesson() {
    assertThat(Lessons.of(run("never", Verdict.INVALID, "corrupt (one) n1: corrupted 3 data records")))
        .noneSatisfy(l -> assertThat(l).contains("page cache"));
    assertThat(Lessons.of(run("never", Verdict.INVALID, null))).noneSatisfy(l -> assertThat(l).contains("page cache"));
  }
}
