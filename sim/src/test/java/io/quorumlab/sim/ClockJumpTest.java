package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.node.ClockSkew;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Failure detection, gossip rounds and timeouts run on the monotonic clock, so wall clocks that jump
 * by minutes, strobe or drift convict nobody; and a skewed clock skews exactly the wall clock.
 */
class ClockJumpTest {

  @Test
  void wallClockJumpsStrobesAndDriftConvictNobody() {
    Simulation sim = Clusters.started(SimConfig.of(5, 21), Duration.ofSeconds(10));
    List<String> verdicts = new ArrayList<>();
    sim.addMembershipObserver((observer, subject, t) -> verdicts.add(observer + " convicted " + subject));
    sim.setClock("n1", ClockSkew.offset(-10 * 60_000_000L));
    sim.setClock("n2", ClockSkew.offset(10 * 60_000_000L));
    sim.runFor(Duration.ofSeconds(20));
    sim.setClock("n1", ClockSkew.offset(10 * 60_000_000L));
    sim.setClock("n2", ClockSkew.strobe(-60_000_000L, 100_000));
    sim.setClock("n3", ClockSkew.rate(50));
    sim.runFor(Duration.ofSeconds(20));
    for (String n : sim.nodeIds()) sim.setClock(n, ClockSkew.NONE);
    sim.runFor(Duration.ofSeconds(10));

    assertThat(verdicts).isEmpty();
    for (String n : sim.nodeIds()) {
      for (String other : sim.nodeIds()) {
        assertThat(sim.node(n).services().isRoutable(other)).as(n + " routes to " + other).isTrue();
      }
    }
  }

  @Test
  void aSkewMovesTheWallClockOnlyAndStrobesAndDriftsAsSet() {
    Simulation sim = new Simulation(SimConfig.of(3, 22));
    SimClock c = sim.node("n1").clock();
    long mono = c.monotonicMillis();
    sim.setClock("n1", new ClockSkew(-5_000_000, 2.0, 0, 0));
    assertThat(c.offsetMicros()).isEqualTo(-5_000_000);
    sim.runFor(Duration.ofSeconds(1));
    assertThat(c.offsetMicros()).isEqualTo(-4_000_000);
    assertThat(c.monotonicMillis()).isEqualTo(mono + 1_000);

    sim.setClock("n1", ClockSkew.strobe(3_000_000, 100_000));
    assertThat(c.offsetMicros()).isEqualTo(3_000_000);
    sim.runFor(Duration.ofMillis(150));
    assertThat(c.offsetMicros()).isZero();
    sim.runFor(Duration.ofMillis(100));
    assertThat(c.offsetMicros()).isEqualTo(3_000_000);
    assertThat(c.skew()).isEqualTo(ClockSkew.strobe(3_000_000, 100_000));

    sim.setClock("n1", ClockSkew.NONE);
    assertThat(c.offsetMicros()).isZero();
    assertThat(c.rate()).isEqualTo(1.0);
    assertThat(c.monotonicMillis()).isEqualTo(mono + 1_250);
  }
}
