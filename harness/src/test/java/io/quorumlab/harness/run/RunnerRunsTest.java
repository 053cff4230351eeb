package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Short real runs on 3 local nodes under partitions (about 15 s each). */
class RunnerRunsTest {
  @TempDir Path out;

  private static RunSpec spec(String workload, ConflictMode mode, int w, int r) {
    return RunSpec.defaults(7).withBackend("local", 3)
        .withStore(RunSpec.DEFAULT_STORE.withQuorums(3, w, r).withModes(Quorum.SLOPPY, ReadRepair.ASYNC, mode, FsyncPolicy.NEVER))
        .withLoad(new LoadSpec(workload, 6, 150, 8, 1)).withNemesis(NemesisPlan.of("partition", 1.5));
  }

  @Test
  void aRegisterRunUnderPartitionsWritesAHistoryWithFaultsAndAReportThatAgreeWithTheExitCode() throws Exception {
    RunOutcome o = Runner.run(spec("register", ConflictMode.LWW, 1, 1), out, ProgressSink.NONE);

    Path dir = o.runDir();
    assertThat(dir.getParent()).isEqualTo(out.resolve("register"));
    for (String f : new String[] {RunDirectory.SPEC, RunDirectory.HISTORY, RunDirectory.RESULTS, RunDirectory.REPORT}) {
      assertThat(dir.resolve(f)).isNotEmptyFile();
    }
    assertThat(Files.list(dir.resolve(RunDirectory.NODES)).map(p -> p.getFileName().toString())).contains("n1.log", "n2.log", "n3.log");
    assertThat(ResultsReader.readSpec(dir)).containsEntry("seed", 7L).containsEntry("w", 1L).containsEntry("nemesis", "partition");

    History h = Histories.read(dir.resolve(RunDirectory.HISTORY));
    assertThat(h.ops().stream().filter(Op::isNemesis).map(Op::f)).contains("start-partition", "stop-partition", "heal");
    assertThat(h.clientOperations()).hasSizeGreaterThan(500);
    assertThat(h.clientOperations().stream().filter(op -> op.isOk()).count()).isGreaterThan(300);

    RunResults stored = ResultsReader.read(dir);
    assertThat(stored.info().error()).isNull();
    assertThat(o.exitCode()).isEqualTo(stored.verdict().exitCode).isIn(0, 1);
    Verdict combined = Verdict.VALID;
    for (CheckResult c : o.checks()) combined = combined.and(c.verdict());
    assertThat(stored.verdict()).isEqualTo(combined);
    assertThat(o.checks()).extracting(CheckResult::checker).containsExactly("linearizable", "stale-read");
  }

  @Test
  void anInterruptedRunStopsSoonHealsAndStillWritesItsResultsWithAnUnknownVerdict() throws Exception {
    // Ctrl-C once the load has done 300 ops (a few seconds in, with faults coming and going).
    Runner[] runner = new Runner[1];
    ProgressSink interruptMidLoad = new ProgressSink() {
      @Override
      public void phase(String phase, String detail) {}

      @Override
      public void load(LoadStatus status) {
        if (status.ok() >= 300) runner[0].interrupt();
      }

      @Override
      public void event(String line) {}
    };
    runner[0] = new Runner(spec("register", ConflictMode.LWW, 2, 2).withLoad(new LoadSpec("register", 120, 100, 4, 1)), out,
        interruptMidLoad);
    long t0 = System.nanoTime();
    RunOutcome o = runner[0].run();
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;

    assertThat(seconds).as("stopped long before the 120 s load would have ended").isLessThan(60);
    assertThat(o.exitCode()).isEqualTo(2);
    RunResults stored = ResultsReader.read(o.runDir());
    assertThat(stored.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(stored.info().error()).isEqualTo("interrupted");
    History h = Histories.read(o.runDir().resolve(RunDirectory.HISTORY));
    assertThat(h.clientOperations()).isNotEmpty();
    // whatever fault was in force was taken back: the last nemesis op is the heal's completion
    Op lastNemesis = h.ops().stream().filter(Op::isNemesis).reduce((a, b) -> b).orElseThrow();
    assertThat(lastNemesis.f()).isEqualTo("heal");
    assertThat(lastNemesis.error()).isNull();
    assertThat(o.runDir().resolve(RunDirectory.REPORT)).isNotEmptyFile();
  }

  @Test
  void theSetWorkloadWithSiblingsAtW1R1UnderPartitionsLosesNoAcknowledgedAdd() {
    RunOutcome o = Runner.run(spec("set", ConflictMode.SIBLINGS, 1, 1), out, ProgressSink.NONE);

    CheckResult set = o.checks().get(0);
    assertThat(set.checker()).isEqualTo("set");
    assertThat(set.anomalies()).doesNotContainKey("lost-add").doesNotContainKey("unexpected-element");
    assertThat((Long) set.details().get("acknowledged-adds")).isGreaterThan(300);
    assertThat(set.verdict()).isEqualTo(Verdict.VALID);
    assertThat(o.exitCode()).isZero();
  }
}
