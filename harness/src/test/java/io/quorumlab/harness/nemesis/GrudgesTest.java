package io.quorumlab.harness.nemesis;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.NodeConfigs;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrudgesTest {
  private static final List<String> FIVE = NodeConfigs.nodeIds(5);

  @Test
  void halvesCutTheFirstTwoFromTheLastThreeBothWays() {
    Map<String, Set<String>> g = PartitionNemesis.grudge(PartitionKind.HALVES, FIVE, new Random(1));
    assertThat(g).containsEntry("n1", Set.of("n3", "n4", "n5")).containsEntry("n2", Set.of("n3", "n4", "n5"))
        .containsEntry("n3", Set.of("n1", "n2")).containsEntry("n5", Set.of("n1", "n2"));
    assertThat(Link.cutBy(g)).hasSize(12);
    assertThat(Grudges.describe(g, FIVE)).isEqualTo("n1 n2 | n3 n4 n5");
  }

  @Test
  void isolateCutsOneNodeOffAndNothingElse() {
    Map<String, Set<String>> g = PartitionNemesis.grudge(PartitionKind.ISOLATE, FIVE, new Random(7));
    Set<Link> cut = Link.cutBy(g);
    assertThat(cut).hasSize(8);
    String lonely = g.entrySet().stream().filter(e -> e.getValue().size() == 4).findFirst().orElseThrow().getKey();
    assertThat(cut).allMatch(l -> l.from().equals(lonely) || l.to().equals(lonely));
  }

  @Test
  void randomHalvesDependOnTheSeedAndAlwaysSplitTwoThree() {
    Set<String> shapes = new HashSet<>();
    for (int seed = 0; seed < 20; seed++) {
      Map<String, Set<String>> g = PartitionNemesis.grudge(PartitionKind.RANDOM_HALVES, FIVE, new Random(seed));
      assertThat(Link.cutBy(g)).hasSize(12);
      shapes.add(Grudges.describe(g, FIVE));
      assertThat(PartitionNemesis.grudge(PartitionKind.RANDOM_HALVES, FIVE, new Random(seed))).isEqualTo(g);
    }
    assertThat(shapes.size()).isGreaterThan(3);
  }

  @Test
  void majoritiesRingLetsEveryNodeSeeADifferentMajority() {
    for (int seed = 0; seed < 10; seed++) {
      Map<String, Set<String>> g = Grudges.majoritiesRing(FIVE, new Random(seed));
      Set<Set<String>> seen = new HashSet<>();
      for (String n : FIVE) {
        Set<String> hears = new HashSet<>(FIVE);
        hears.removeAll(g.getOrDefault(n, Set.of()));
        assertThat(hears).contains(n).hasSize(3);
        seen.add(hears);
      }
      assertThat(seen).as("no two nodes see the same majority").hasSize(5);
      assertThat(Grudges.describe(g, FIVE)).contains("cannot hear");
    }
  }

  @Test
  void bridgeKeepsOneNodeConnectedToBothHalves() {
    Map<String, Set<String>> g = Grudges.bridge(FIVE, new Random(3));
    List<String> bridges = FIVE.stream().filter(n -> !g.containsKey(n)).toList();
    assertThat(bridges).hasSize(1);
    String b = bridges.get(0);
    assertThat(g.values()).noneMatch(s -> s.contains(b));
    // The other four split 2|2 and cannot hear across.
    assertThat(g).hasSize(4);
    assertThat(g.values()).allMatch(s -> s.size() == 2);
    assertThat(Link.cutBy(g)).hasSize(8);
  }
}
