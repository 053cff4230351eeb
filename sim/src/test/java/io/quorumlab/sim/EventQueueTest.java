package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {
  private static final class Tagged extends Event {
    final long time;
    final int tag;

    Tagged(long time, int tag) {
      this.time = time;
      this.tag = tag;
    }

    @Override
    void fire() {}
  }

  @Test
  void eventsComeOutByTimeThenByTheOrderTheyWereAdded() {
    SplittableRandom random = new SplittableRandom(1);
    EventQueue q = new EventQueue();
    PriorityQueue<Tagged> reference = new PriorityQueue<>(Comparator.<Tagged>comparingLong(t -> t.time).thenComparingInt(t -> t.tag));
    int tag = 0;
    List<Integer> got = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (int round = 0; round < 50_000; round++) {
      if (q.isEmpty() || random.nextInt(3) > 0) {
        Tagged t = new Tagged(random.nextLong(50), tag++); // few distinct times: many ties
        q.add(t.time, t);
        reference.add(t);
      } else {
        Tagged t = (Tagged) q.poll();
        assertThat(q.polledTime()).isEqualTo(t.time);
        got.add(t.tag);
        expected.add(reference.poll().tag);
      }
    }
    while (!q.isEmpty()) {
      got.add(((Tagged) q.poll()).tag);
      expected.add(reference.poll().tag);
    }
    assertThat(got).isEqualTo(expected);
  }
}
