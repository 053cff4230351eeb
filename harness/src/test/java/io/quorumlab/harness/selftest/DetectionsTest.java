package io.quorumlab.harness.selftest;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.explore.ExplorePlan;
import io.quorumlab.harness.explore.ExploreResult;
import io.quorumlab.harness.explore.SeedOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.RunResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The table's statistics from a mutant's seeds. */
class DetectionsTest {

  /** Seeds 10..15, detections at 11 and 14, each seed 2 simulated seconds (3 for the detecting ones). */
  @Test
  void seedsAndSimulatedSecondsToTheNextDetectionFromEveryStart() {
    Detections d = detections(10, "valid", "invalid", "valid", "valid", "invalid", "valid");
    assertThat(d.detected()).isEqualTo(2);
    assertThat(d.first().orElseThrow().seed()).isEqualTo(11);
    // Starts 10..14 reach a detection after 2, 1, 3, 2, 1 seeds; start 15 reaches none and is left out.
    assertThat(d.medianSeedsToDetection().getAsDouble()).isEqualTo(2);
    // ... and after 5, 3, 7, 5, 3 simulated seconds.
    assertThat(d.medianSimulatedSecondsToDetection().getAsDouble()).isEqualTo(5);
    assertThat(d.caughtBy()).containsExactly(java.util.Map.entry("linearizable nonlinearizable-key", 2L));
    assertThat(d.rate().k()).isEqualTo(2);
    assertThat(d.rate().n()).isEqualTo(6);
  }

  @Test
  void aMutantNoSeedCaughtHasNoMedianAndIsNotCaught() {
    Detections d = detections(1, "valid", "valid", "unknown");
    assertThat(d.caught()).isFalse();
    assertThat(d.medianSeedsToDetection()).isEmpty();
    assertThat(d.first()).isEmpty();
  }

  private static Detections detections(long first, String... verdicts) {
    List<SeedOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < verdicts.length; i++) {
      Verdict v = Verdict.valueOf(verdicts[i].toUpperCase());
      Set<String> classes = v == Verdict.INVALID ? Set.of("linearizable nonlinearizable-key") : Set.of();
      outcomes.add(new SeedOutcome(RunSpec.defaults(first + i), new RunResults(v, List.of(), null, null, null), classes,
          v == Verdict.INVALID ? 3 : 2, Double.NaN, Double.NaN, 0, null));
    }
    ExplorePlan plan = new ExplorePlan(RunSpec.defaults(first), first, verdicts.length, false, true, 1, 0, Path.of("runs"));
    return new Detections(new ExploreResult(plan, outcomes, false, 0, null));
  }
}
