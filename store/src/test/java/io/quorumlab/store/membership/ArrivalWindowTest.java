package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ArrivalWindowTest {

  /** The window grows its storage as samples come; its statistics must be those of the last {@code capacity} samples. */
  @Test
  void meanAndDeviationAreThoseOfTheLastCapacitySamplesAsTheWindowGrowsAndWraps() {
    for (int capacity : new int[] {2, 5, 16, 17, 100, 1000}) {
      SplittableRandom random = new SplittableRandom(capacity);
      ArrivalWindow window = new ArrivalWindow(capacity, 0, 1000);
      ArrayDeque<Long> reference = new ArrayDeque<>();
      reference.add(750L);
      reference.add(1250L);
      while (reference.size() > capacity) {
        reference.removeFirst();
      }
      long now = 0;
      for (int i = 0; i < 3 * capacity + 50; i++) {
        long gap = 500 + random.nextLong(1000);
        now += gap;
        window.arrival(now, 10_000);
        reference.addLast(gap);
        if (reference.size() > capacity) {
          reference.removeFirst();
        }
        double mean = reference.stream().mapToLong(Long::longValue).average().orElseThrow();
        double variance = reference.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / reference.size();
        assertThat(window.samples()).isEqualTo(reference.size());
        assertThat(window.mean()).as("capacity %d, sample %d", capacity, i).isCloseTo(mean, within(1e-6));
        assertThat(window.stdDev()).as("capacity %d, sample %d", capacity, i).isCloseTo(Math.sqrt(variance), within(1e-3));
      }
    }
  }
}
