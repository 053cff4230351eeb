package io.quorumlab.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FifoLinksTest {
  @Test
  void aMessageIsNeverDueBeforeOneSentEarlierOnTheSameConnection() {
    FifoLinks fifo = new FifoLinks();
    SplittableRandom random = new SplittableRandom(2);
    int links = 3000; // enough to make the table grow and forget
    long[] lastDue = new long[links];
    long now = 0;
    for (int i = 0; i < 200_000; i++) {
      now += random.nextLong(1_000);
      int link = random.nextInt(links);
      long arrival = now + random.nextLong(100_000);
      long due = fifo.order(FifoLinks.nodeLink(link, link + 1), arrival, now);
      assertThat(due).isGreaterThanOrEqualTo(arrival).isGreaterThanOrEqualTo(lastDue[link]);
      // It never holds a message back longer than the connection requires.
      assertThat(due).isEqualTo(Math.max(arrival, lastDue[link]));
      lastDue[link] = due;
    }
  }

  @Test
  void connectionsOfClientsAndNodesAreDistinct() {
    assertThat(FifoLinks.clientLink(1, 2, true)).isNotEqualTo(FifoLinks.clientLink(1, 2, false))
        .isNotEqualTo(FifoLinks.nodeLink(1, 2));
  }
}
