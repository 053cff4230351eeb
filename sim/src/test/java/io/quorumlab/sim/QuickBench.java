package io.quorumlab.sim;

import io.quorumlab.sim.scenario.DefaultLikeScenario;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuickBench {
  @Test
  void defaultLike() {
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      Simulation sim = new Simulation(DefaultLikeScenario.config(i));
      DefaultLikeScenario s = DefaultLikeScenario.of(Duration.ofSeconds(60));
      s.accept(sim);
      long t1 = System.nanoTime();
      System.out.printf("run %d: %.3f s wall, %d events, %.0f ev/s, %s, failures %d, digest %x%n", i, (t1 - t0) / 1e9, sim.eventsRun(),
          sim.eventsRun() / ((t1 - t0) / 1e9), s.counts(), sim.nodeFailures(), sim.trace().digest());
    }
  }
}
