package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.results.Lessons;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clock nemesis's acceptance on the sim backend: with N=W=R=3, strict quorums and blocking read
 * repair (W + R > N), skewed clocks make lww lose acknowledged writes, and the report says that the
 * skewed timestamps decided it; abd (register) and siblings (set) lose nothing under the same faults.
 */
class ClockSkewAcceptanceTest {
  private static final long[] SEEDS = {1, 2, 3};

  @TempDir Path out;

  private static RunSpec spec(String workload, ConflictMode conflicts, long seed) {
    return RunSpec.defaults(seed).withBackend(SimBackend.NAME, 5)
        .withStore(RunSpec.DEFAULT_STORE.withQuorums(3, 3, 3)
            .withModes(Quorum.STRICT, ReadRepair.BLOCKING, conflicts, FsyncPolicy.ALWAYS))
        .withLoad(new LoadSpec(workload, 12, 100, 10, 1))
        .withNemesis(NemesisPlan.of("clock", 2));
  }

  private RunOutcome run(String workload, ConflictMode conflicts, long seed) {
    return Runner.run(spec(workload, conflicts, seed), out.resolve(conflicts + "-" + seed), ProgressSink.NONE);
  }

  @Test
  void lwwLosesAcknowledgedWritesToSkewedClocksAndTheReportSaysWhy() throws Exception {
    for (long seed : SEEDS) {
      RunOutcome o = run("register", ConflictMode.LWW, seed);
      assertThat(o.results().verdict()).as("seed %d", seed).isEqualTo(Verdict.INVALID);
      assertThat(Lessons.of(o.results())).as("seed %d", seed)
          .anyMatch(l -> l.startsWith("timestamps from skewed clocks decided the winner"));
      List<String> faults = Histories.read(o.runDir().resolve(RunDirectory.HISTORY)).ops().stream()
          .filter(Op::isNemesis).map(Op::f).toList();
      assertThat(faults).as("seed %d", seed).contains("start-clock", "stop-clock", "heal");
      assertThat(o.results().metrics().faults()).as("seed %d", seed).anyMatch(f -> f.kind().equals("clock"));
    }
  }

  @Test
  void abdAndSiblingsLoseNothingUnderTheSameClockFaults() {
    for (long seed : SEEDS) {
      assertThat(run("register", ConflictMode.ABD, seed).results().verdict()).as("abd, seed %d", seed).isEqualTo(Verdict.VALID);
      assertThat(run("set", ConflictMode.SIBLINGS, seed).results().verdict()).as("siblings, seed %d", seed).isEqualTo(Verdict.VALID);
    }
  }
}
