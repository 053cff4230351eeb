package io.quorumlab.harness.random;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  private static List<Integer> draws(RandomGenerator r) {
    return IntStream.range(0, 50).map(i -> r.nextInt(1000)).boxed().toList();
  }

  @Test
  void aStreamIsAFunctionOfTheSeedAndItsName() {
    assertThat(draws(new RandomStreams(7).stream("nemesis"))).isEqualTo(draws(new RandomStreams(7).stream("nemesis")));
    assertThat(draws(new RandomStreams(7).stream("nemesis"))).isNotEqualTo(draws(new RandomStreams(8).stream("nemesis")));
    assertThat(draws(new RandomStreams(7).stream("nemesis"))).isNotEqualTo(draws(new RandomStreams(7).stream("workload")));
  }

  @Test
  void drawingFromOneStreamLeavesTheOthersAsTheyWere() {
    RandomStreams streams = new RandomStreams(42);
    List<Integer> before = draws(streams.stream("workload"));
    draws(streams.stream("nemesis"));
    assertThat(draws(streams.stream("workload"))).isEqualTo(before);
  }

  @Test
  void shuffledIsAPermutationThatDependsOnTheDraws() {
    List<Integer> items = IntStream.range(0, 20).boxed().toList();
    List<Integer> a = RandomStreams.shuffled(items, new RandomStreams(1).stream("x"));
    assertThat(a).containsExactlyInAnyOrderElementsOf(items).isNotEqualTo(items);
    assertThat(RandomStreams.shuffled(items, new RandomStreams(1).stream("x"))).isEqualTo(a);
    assertThat(RandomStreams.shuffled(items, new RandomStreams(2).stream("x"))).isNotEqualTo(a);
  }
}
