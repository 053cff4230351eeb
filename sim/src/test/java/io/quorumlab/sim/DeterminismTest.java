package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void twentySeedsEachRunTwiceGiveIdenticalTraces() {
    Set<Long> digests = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      Determinism.Result r = Determinism.check(ChaosScenario.config(seed), new ChaosScenario());
      assertThat(r.divergence()).as("seed %d", seed).isNull();
      assertThat(r.events()).as("seed %d", seed).isGreaterThan(10_000);
      digests.add(r.digest());
    }
    // Different seeds make different runs: the digest covers what happened, not just the schedule.
    assertThat(digests).hasSize(20);
  }

  @Test
  void namesTheFirstEventWhereTwoRunsPart() {
    int[] runs = {0};
    Determinism.Result r = Determinism.check(SimConfig.of(3, 7), sim -> {
      runs[0]++;
      sim.start();
      sim.runFor(Duration.ofSeconds(3));
      // A scenario that is not a function of the seed: the second run kills another node.
      String victim = runs[0] == 1 ? "n2" : "n3";
      sim.schedule(Duration.ofMillis(500), () -> sim.kill(victim));
      sim.runFor(Duration.ofSeconds(2));
    });
    assertThat(r.deterministic()).isFalse();
    assertThat(r.divergence().first()).startsWith("kill n2");
    assertThat(r.divergence().second()).startsWith("kill n3");
    assertThat(r.divergence().timeNanos()).isEqualTo(3_500_000_000L);
  }

  @Test
  void theSameConfigAndScenarioGiveTheSameDigestInDigestMode() {
    long a = run(11);
    long b = run(11);
    assertThat(a).isEqualTo(b);
    assertThat(run(12)).isNotEqualTo(a);
  }

  private static long run(long seed) {
    Simulation sim = new Simulation(ChaosScenario.config(seed));
    new ChaosScenario().accept(sim);
    assertThat(sim.nodeFailures()).isZero();
    return sim.trace().digest();
  }
}
