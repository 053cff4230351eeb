package io.quorumlab.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.RunSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplorerTest {
  /** Register, N=3 W=1 R=1 lww sloppy: loses writes under partitions. */
  private static final RunSpec LWW = RunSpec.defaults(0).withBackend("sim", 3).withNemesis(NemesisPlan.of("partition,kill,pause", 2))
      .withLoad(new LoadSpec("register", 5, 100, 30, 1));

  @TempDir Path out;

  /** Seeds share one JVM and run on several threads at once; each must still come out as it does alone. */
  @Test
  void seedsRunInParallelComeOutAsTheyDoOneAtATime() {
    ExploreResult one = explore(new ExplorePlan(LWW, 11, 4, true, true, 1, 0, out));
    ExploreResult two = explore(new ExplorePlan(LWW, 11, 4, true, true, 2, 0, out));
    assertThat(summary(two)).isEqualTo(summary(one)).hasSize(4);
    assertThat(one.failures()).isNotEmpty();
  }

  @Test
  void stopsAtTheFirstFailureAndCountsTheSeedsUpToIt() {
    ExploreResult r = explore(new ExplorePlan(LWW, 1, 50, false, false, 1, 1, out));
    // One thread: exactly the seeds up to the first failing one ran, the ones before it valid.
    SeedOutcome first = r.firstFailure().orElseThrow();
    assertThat(r.seedsRun()).isEqualTo(r.seedsToFirstFailure()).isEqualTo(first.seed()).isLessThan(50);
    assertThat(r.outcomes().subList(0, r.outcomes().size() - 1)).allMatch(o -> o.verdict() == io.quorumlab.checkers.Verdict.VALID);
    assertThat(r.simulatedSecondsToFirstFailure()).isEqualTo(r.simulatedSeconds()).isGreaterThan(5.0 * r.seedsRun());
    assertThat(first.runDir()).isNotNull().startsWith(out);
    assertThat(r.outcomes().stream().filter(o -> o.runDir() != null)).containsExactly(first);
    assertThat(r.exitCode()).isEqualTo(1);
  }

  private static ExploreResult explore(ExplorePlan plan) {
    return new Explorer(plan).run(new Explorer.Listener() {
      @Override
      public void finished(SeedOutcome outcome, long done, long failures) {}

      @Override
      public void note(String line) {
        throw new AssertionError(line);
      }
    });
  }

  private static List<String> summary(ExploreResult r) {
    List<String> out = new ArrayList<>();
    for (SeedOutcome o : r.outcomes()) {
      out.add(o.seed() + " " + o.verdict() + " " + o.classes() + " " + o.results().anomalies() + " " + o.simulatedSeconds() + " "
          + o.readP50Ms() + " " + o.writeP50Ms());
    }
    return out;
  }
}
