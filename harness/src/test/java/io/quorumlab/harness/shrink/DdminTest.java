package io.quorumlab.harness.shrink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DdminTest {
  private static final List<Integer> HUNDRED = IntStream.range(0, 100).boxed().toList();

  @Test
  void findsTheTwoItemsAFailureNeedsInFewTries() {
    AtomicInteger tries = new AtomicInteger();
    List<Integer> kept = Ddmin.minimize(HUNDRED, l -> {
      tries.incrementAndGet();
      return l.contains(17) && l.contains(42);
    });
    assertThat(kept).containsExactly(17, 42);
    assertThat(tries.get()).isLessThan(100);
  }

  @Test
  void aFailureThatNeedsNothingShrinksToNothingAndOneThatNeedsAllKeepsAll() {
    assertThat(Ddmin.minimize(HUNDRED, l -> true)).isEmpty();
    assertThat(Ddmin.minimize(HUNDRED.subList(0, 7), l -> l.size() == 7)).hasSize(7);
  }

  @Test
  void theResultIsOneMinimal() {
    // fails when at least three multiples of 10 remain
    List<Integer> kept = Ddmin.minimize(HUNDRED, l -> l.stream().filter(i -> i % 10 == 0).count() >= 3);
    assertThat(kept).hasSize(3).allSatisfy(i -> assertThat(i % 10).isZero());
  }
}
