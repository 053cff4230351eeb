package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimClockTest {
  @Test
  void wallClocksCanBeSetAndDriftWhileMonotonicTimeFollowsVirtualTime() {
    Simulation sim = new Simulation(SimConfig.of(2, 1));
    SimClock a = sim.node("n1").clock();
    SimClock b = sim.node("n2").clock();
    long start = SimConfig.DEFAULT_WALL_CLOCK_START_MICROS;
    assertThat(a.wallMicros()).isEqualTo(start);
    long mono = a.monotonicMillis();

    sim.runFor(Duration.ofSeconds(10));
    assertThat(a.wallMicros()).isEqualTo(start + 10_000_000);
    assertThat(a.monotonicMillis()).isEqualTo(mono + 10_000);

    sim.shiftClock("n1", -5_000_000);
    sim.setClockRate("n2", 1.5);
    assertThat(a.offsetMicros()).isEqualTo(-5_000_000);
    sim.runFor(Duration.ofSeconds(10));
    assertThat(a.wallMicros()).isEqualTo(start + 15_000_000);
    assertThat(b.wallMicros()).isEqualTo(start + 10_000_000 + 15_000_000);
    assertThat(b.offsetMicros()).isEqualTo(5_000_000);
    assertThat(a.monotonicMillis()).isEqualTo(b.monotonicMillis()).isEqualTo(mono + 20_000);
    assertThat(sim.lifecycle()).extracting(LifecycleEvent::what)
        .containsExactly("wall clock shifted by -5000000 µs", "wall clock rate 1.5");
    assertThatThrownBy(() -> b.setRate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
