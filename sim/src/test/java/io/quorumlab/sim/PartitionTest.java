package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.RequestOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class PartitionTest {

  private static Set<String> allLinks(Simulation sim) {
    Set<String> s = new TreeSet<>();
    sim.links().forEach(l -> s.add(l.toString()));
    return s;
  }

  @Test
  void aGrudgeCutsExactlyTheDirectedLinksItNames() {
    Simulation sim = Clusters.started(SimConfig.of(5, 1), Duration.ofSeconds(3));
    LinkTap tap = new LinkTap();
    sim.addMessageObserver(tap);
    // n2 cannot hear n1 (one way); n5 cannot hear n3 or n4.
    Map<String, Set<String>> grudge = Map.of("n2", Set.of("n1"), "n5", Set.of("n3", "n4"));
    sim.partition(grudge);
    assertThat(sim.grudge()).isEqualTo(grudge);
    long since = sim.now();
    sim.runFor(Duration.ofSeconds(20));

    Set<String> cut = Set.of("n1->n2", "n3->n5", "n4->n5");
    Map<String, Long> delivered = tap.deliveredPerLink(since);
    assertThat(delivered.keySet()).doesNotContainAnyElementsOf(cut);
    Set<String> open = allLinks(sim);
    open.removeAll(cut);
    assertThat(delivered.keySet()).containsExactlyInAnyOrderElementsOf(open);
    assertThat(tap.dropsByLink.keySet()).containsExactlyInAnyOrderElementsOf(cut);

    sim.partition(Map.of());
    assertThat(sim.grudge()).isEmpty();
    long healed = sim.now();
    sim.runFor(Duration.ofSeconds(20));
    assertThat(tap.deliveredPerLink(healed).keySet()).containsExactlyInAnyOrderElementsOf(allLinks(sim));
  }

  @Test
  void aPartitionReplacesTheOneInForceAndSingleCutsAddToIt() {
    Simulation sim = Clusters.started(SimConfig.of(4, 2), Duration.ofSeconds(2));
    sim.partition(Map.of("n1", Set.of("n2")));
    sim.partition(Map.of("n3", Set.of("n4")));
    assertThat(sim.grudge()).isEqualTo(Map.of("n3", Set.of("n4")));
    sim.cut("n1", "n4");
    assertThat(sim.grudge()).isEqualTo(Map.of("n3", Set.of("n4"), "n4", Set.of("n1")));
    sim.uncut("n4", "n3");
    assertThat(sim.grudge()).isEqualTo(Map.of("n4", Set.of("n1")));
  }

  @Test
  void aCutDropsWhatIsInFlightOnTheLink() {
    Simulation sim = Clusters.started(SimConfig.of(3, 3), Duration.ofSeconds(2));
    // Hold n1's messages to n2 on the wire for 300 ms; a put coordinated by n1 (N=3) sends n2 a
    // replica write at once, and the link is cut while it is on the wire.
    sim.slow(List.of(new SimLink("n1", "n2")), new LinkSlowness(300_000, 0, 0, 0));
    LinkTap tap = new LinkTap();
    sim.addMessageObserver(tap);
    sim.client("n1").putAsync("k", new byte[] {1}, Context.EMPTY, RequestOptions.DEFAULTS);
    sim.runFor(Duration.ofMillis(100));
    sim.cut("n1", "n2");
    sim.runFor(Duration.ofSeconds(1));
    assertThat(tap.dropsByReason).containsKey("link cut while in flight");
    assertThat(tap.deliveredPerLink(0)).doesNotContainKey("n1->n2");
  }

  @Test
  void aSlowLinkDelaysOnlyItsDirection() {
    Simulation sim = Clusters.started(SimConfig.of(3, 4), Duration.ofSeconds(2));
    LinkTap tap = new LinkTap();
    sim.slow(List.of(new SimLink("n1", "n2")), new LinkSlowness(50_000, 0, 0, 0));
    sim.addMessageObserver(tap);
    long start = sim.now();
    sim.runFor(Duration.ofMillis(40));
    // Messages take 50 ms more from n1 to n2: only those already in flight (under 1 ms) arrive now.
    assertThat(tap.deliveries.stream().filter(d -> d.from().equals("n1") && d.to().equals("n2") && d.time() > start + 1_000_000))
        .isEmpty();
    sim.runFor(Duration.ofSeconds(3));
    assertThat(tap.deliveredPerLink(start)).containsKey("n1->n2").containsKey("n2->n1");
  }
}
