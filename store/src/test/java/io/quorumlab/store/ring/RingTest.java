package io.quorumlab.store.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RingTest {
  static List<String> nodes(int k) {
    return IntStream.rangeClosed(1, k).mapToObj(i -> "n" + i).toList();
  }

  static List<String> keys(int count) {
    Random random = new Random(42);
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add("key-" + random.nextLong());
    }
    return keys;
  }

  @Test
  void everyNodeComputesTheSameRingWhateverTheMemberOrder() {
    List<String> shuffled = new ArrayList<>(nodes(7));
    Collections.shuffle(shuffled, new Random(1));
    Ring a = Ring.of(nodes(7), 64);
    Ring b = Ring.of(shuffled, 64);
    for (String key : keys(2000)) {
      assertThat(b.walk(key)).isEqualTo(a.walk(key));
    }
  }

  @Test
  void preferenceListsAreDistinctNodesAndTheWalkCoversEveryNodeOnce() {
    Ring ring = Ring.of(nodes(5), 256);
    for (String key : keys(5000)) {
      List<String> walk = ring.walk(key);
      assertThat(walk).hasSize(5).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(nodes(5));
      assertThat(ring.preferenceList(key, 3)).isEqualTo(walk.subList(0, 3));
      assertThat(walk.get(0)).isEqualTo(ring.primary(key));
    }
  }

  @Test
  void tenNodesWith256VnodesAreBalanced() {
    Ring ring = Ring.of(nodes(10), 256);
    Map<String, Double> owned = ring.ownership();
    double sum = owned.values().stream().mapToDouble(d -> d).sum();
    assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    double max = owned.values().stream().mapToDouble(d -> d).max().orElseThrow();
    double maxOverMean = max / (sum / 10);
    System.out.printf("ring: 10 nodes x 256 vnodes, max/mean ownership = %.3f, shares = %s%n", maxOverMean, owned);
    assertThat(maxOverMean).isLessThan(1.15);

    // Keys agree with the arcs.
    int[] counts = new int[10];
    List<String> ks = keys(200_000);
    for (String key : ks) {
      counts[Integer.parseInt(ring.primary(key).substring(1)) - 1]++;
    }
    double mean = ks.size() / 10.0;
    double maxKeys = IntStream.of(counts).max().orElseThrow();
    System.out.printf("ring: 200000 keys over 10 nodes, max/mean keys = %.3f%n", maxKeys / mean);
    assertThat(maxKeys / mean).isLessThan(1.15);
  }

  @Test
  void anEleventhNodeMovesAboutOneEleventhOfTheKeys() {
    Ring ten = Ring.of(nodes(10), 256);
    Ring eleven = Ring.of(nodes(11), 256);
    List<String> ks = keys(200_000);
    int primaryMoved = 0;
    int replicaSetChanged = 0;
    int movedNotToNewNode = 0;
    for (String key : ks) {
      String before = ten.primary(key);
      String after = eleven.primary(key);
      if (!before.equals(after)) {
        primaryMoved++;
        if (!after.equals("n11")) {
          movedNotToNewNode++;
        }
      }
      if (!new HashSet<>(ten.preferenceList(key, 3)).equals(new HashSet<>(eleven.preferenceList(key, 3)))) {
        replicaSetChanged++;
      }
    }
    double moved = primaryMoved / (double) ks.size();
    System.out.printf("ring: 10 -> 11 nodes moves %.2f%% of primaries (ideal 9.09%%), changes %.2f%% of N=3 replica sets%n",
        moved * 100, replicaSetChanged * 100.0 / ks.size());
    // Consistent hashing: keys only move to the new node, never between old ones.
    assertThat(movedNotToNewNode).isZero();
    assertThat(moved).isBetween(0.07, 0.11);
  }

  @Test
  void rejectsDegenerateRings() {
    assertThatThrownBy(() -> Ring.of(List.of(), 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Ring.of(nodes(3), 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void tokensDependOnlyOnTheNodeId() {
    assertThat(Ring.token("n1", 7)).isEqualTo(Ring.token("n1", 7));
    assertThat(Ring.of(nodes(3), 16).tokensOf("n2")).containsExactlyInAnyOrder(
        Ring.of(List.of("n2", "n9"), 16).tokensOf("n2"));
  }
}
