package io.quorumlab.harness.explore;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.RunSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SwarmTest {
  private static final RunSpec BASE = RunSpec.defaults(0).withBackend("sim", 3).withNemesis(NemesisPlan.of("partition,kill,pause", 2));

  @Test
  void aSeedAlwaysDrawsTheSameSpec() {
    for (long seed = 0; seed < 50; seed++) assertThat(Swarm.draw(BASE, seed)).isEqualTo(Swarm.draw(BASE, seed));
  }

  @Test
  void seedsDrawDifferentScenariosWithinTheGivenOnes() {
    Set<String> faults = new HashSet<>();
    Set<Double> intervals = new HashSet<>();
    Set<Double> rates = new HashSet<>();
    Set<Integer> concurrencies = new HashSet<>();
    for (long seed = 0; seed < 200; seed++) {
      RunSpec s = Swarm.draw(BASE, seed);
      assertThat(s.seed()).isEqualTo(seed);
      assertThat(List.of(s.nemesis().text().split(","))).isNotEmpty().isSubsetOf("partition", "kill", "pause");
      assertThat(s.nemesis().intervalSeconds()).isBetween(0.5, 4.0);
      assertThat(s.load().rate()).isBetween(25.0, 200.0);
      assertThat(s.load().concurrency()).isBetween(7, 30);
      assertThat(s.store()).isEqualTo(BASE.store());
      assertThat(s.load().timeLimitSeconds()).isEqualTo(BASE.load().timeLimitSeconds());
      faults.add(s.nemesis().text());
      intervals.add(s.nemesis().intervalSeconds());
      rates.add(s.load().rate());
      concurrencies.add(s.load().concurrency());
    }
    // Every non-empty subset of three kinds (in their order) turns up in 200 seeds.
    assertThat(faults).containsExactlyInAnyOrder("partition", "kill", "pause", "partition,kill", "partition,pause", "kill,pause",
        "partition,kill,pause");
    assertThat(intervals).hasSizeGreaterThan(10);
    assertThat(rates).hasSizeGreaterThan(10);
    assertThat(concurrencies).hasSizeGreaterThan(10);
  }

  @Test
  void allMeansEveryKindAndNoneStaysNone() {
    Set<String> kinds = new HashSet<>();
    for (long seed = 0; seed < 100; seed++) {
      kinds.addAll(List.of(Swarm.draw(BASE.withNemesis(NemesisPlan.of("all", 2)), seed).nemesis().text().split(",")));
      assertThat(Swarm.draw(BASE.withNemesis(NemesisPlan.of("none", 2)), seed).nemesis().text()).isEqualTo("none");
    }
    assertThat(kinds).containsExactlyInAnyOrder("partition", "kill", "pause", "slow");
  }
}
