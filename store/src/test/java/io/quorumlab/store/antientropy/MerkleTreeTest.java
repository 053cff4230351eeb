package io.quorumlab.store.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
  private record Entry(long token, byte[] key, byte[] digest) {}

  private static List<Entry> entries(int count, long seed) {
    Random random = new Random(seed);
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] key = ("k" + i).getBytes();
      byte[] digest = new byte[8];
      random.nextBytes(digest);
      entries.add(new Entry(random.nextLong(), key, digest));
    }
    return entries;
  }

  private static void assertSameTree(MerkleTree x, MerkleTree y) {
    for (int level = 0; level <= x.depth(); level++) {
      for (int i = 0; i < (1 << level); i++) {
        assertThat(x.hash(level, i)).as("level %d node %d", level, i).isEqualTo(y.hash(level, i));
      }
    }
  }

  @Test
  void equalDataGivesEqualTreesWhateverTheOrder() {
    List<Entry> entries = entries(5000, 1);
    MerkleTree forward = new MerkleTree(TokenRange.fullRing(), 8);
    entries.forEach(e -> forward.add(e.token, e.key, e.digest));
    List<Entry> shuffled = new ArrayList<>(entries);
    Collections.shuffle(shuffled, new Random(2));
    MerkleTree backward = new MerkleTree(TokenRange.fullRing(), 8);
    shuffled.forEach(e -> backward.add(e.token, e.key, e.digest));
    assertSameTree(forward, backward);
    assertThat(forward.root()).isNotZero();
  }

  @Test
  void incrementalUpdatesEqualARebuildFromTheFinalData() {
    Random random = new Random(3);
    MerkleTree incremental = new MerkleTree(TokenRange.fullRing(), 10);
    Map<String, Entry> current = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String name = "k" + random.nextInt(2000);
      Entry old = current.get(name);
      if (old != null && random.nextInt(4) == 0) {
        incremental.replace(old.token, old.key, old.digest, null);
        current.remove(name);
        continue;
      }
      byte[] digest = new byte[8];
      random.nextBytes(digest);
      long token = old != null ? old.token : random.nextLong();
      Entry next = new Entry(token, name.getBytes(), digest);
      incremental.replace(token, next.key, old == null ? null : old.digest, digest);
      current.put(name, next);
    }
    MerkleTree rebuilt = new MerkleTree(TokenRange.fullRing(), 10);
    current.values().forEach(e -> rebuilt.add(e.token, e.key, e.digest));
    assertSameTree(incremental, rebuilt);
  }

  @Test
  void oneChangedEntryChangesExactlyOneLeafToRootPath() {
    List<Entry> entries = entries(3000, 4);
    MerkleTree a = new MerkleTree(TokenRange.fullRing(), 6);
    MerkleTree b = new MerkleTree(TokenRange.fullRing(), 6);
    entries.forEach(e -> {
      a.add(e.token, e.key, e.digest);
      b.add(e.token, e.key, e.digest);
    });
    Entry changed = entries.get(17);
    b.replace(changed.token, changed.key, changed.digest, new byte[] {1});
    int leaf = a.leafOf(changed.token);
    for (int level = 0; level <= 6; level++) {
      int onPath = leaf >> (6 - level);
      for (int i = 0; i < (1 << level); i++) {
        boolean differs = a.hash(level, i) != b.hash(level, i);
        assertThat(differs).as("level %d node %d", level, i).isEqualTo(i == onPath);
      }
    }
    a.remove(changed.token, changed.key, changed.digest);
    b.remove(changed.token, changed.key, new byte[] {1});
    assertSameTree(a, b);
  }

  @Test
  void leavesSplitAWrappingRangeEvenlyAndCoverIt() {
    TokenRange range = new TokenRange(Long.MAX_VALUE - 999, Long.MIN_VALUE + 1000);
    assertThat(range.contains(Long.MAX_VALUE)).isTrue();
    assertThat(range.contains(Long.MIN_VALUE + 1000)).isTrue();
    assertThat(range.contains(Long.MAX_VALUE - 999)).isFalse();
    assertThat(range.contains(0)).isFalse();
    MerkleTree tree = new MerkleTree(range, 3);
    // 2000 tokens over 8 leaves: 250 each, first token (start + 1) in leaf 0, last in leaf 7.
    assertThat(tree.leafOf(Long.MAX_VALUE - 998)).isEqualTo(0);
    assertThat(tree.leafOf(Long.MIN_VALUE + 1000)).isEqualTo(7);
    long token = Long.MAX_VALUE - 999;
    for (int leaf = 0; leaf < 8; leaf++) {
      TokenRange slice = tree.leafRange(leaf);
      assertThat(slice.startExclusive()).isEqualTo(token);
      assertThat(slice.endInclusive() - slice.startExclusive()).isEqualTo(250);
      assertThat(tree.leafOf(slice.endInclusive())).isEqualTo(leaf);
      token = slice.endInclusive();
    }
    assertThat(token).isEqualTo(range.endInclusive());
    assertThat(tree.leavesRange(0, 7)).isEqualTo(range);
    assertThatThrownBy(() -> tree.leafOf(0)).hasMessageContaining("outside");
  }

  @Test
  void fullRingLeavesAreTheTopBitsOfTheOffset() {
    MerkleTree tree = new MerkleTree(TokenRange.fullRing(), 4);
    assertThat(tree.leafOf(1)).isEqualTo(0);
    assertThat(tree.leafOf(0)).isEqualTo(15);
    assertThat(tree.leafOf(Long.MIN_VALUE)).isEqualTo(7);
    assertThat(tree.leafOf(Long.MIN_VALUE + 1)).isEqualTo(8);
    assertThat(tree.leavesRange(0, 15).isFullRing()).isTrue();
    assertThat(tree.leafRange(8)).isEqualTo(new TokenRange(Long.MIN_VALUE, Long.MIN_VALUE + (1L << 60)));
  }

  @Test
  void tinyRangesHaveEmptyLeavesAndDepthZeroIsOneLeaf() {
    MerkleTree tiny = new MerkleTree(new TokenRange(10, 13), 3);
    assertThat(tiny.leafOf(11)).isEqualTo(0);
    assertThat(tiny.leafOf(13)).isEqualTo(2);
    assertThat(tiny.leafRange(7)).isNull();
    MerkleTree single = new MerkleTree(TokenRange.fullRing(), 0);
    single.add(42, new byte[] {1}, new byte[] {2});
    assertThat(single.leafOf(42)).isZero();
    assertThat(single.root()).isEqualTo(MerkleTree.entryHash(new byte[] {1}, new byte[] {2}));
  }

  @Test
  void copiesAreIndependentAndBadShapesAreRefused() {
    MerkleTree tree = new MerkleTree(TokenRange.fullRing(), 2);
    MerkleTree copy = tree.copy();
    tree.add(5, new byte[] {1}, new byte[] {1});
    assertThat(copy.root()).isZero();
    assertThatThrownBy(() -> new MerkleTree(TokenRange.fullRing(), 21)).hasMessageContaining("0..20");
    assertThatThrownBy(() -> tree.hash(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void anEmptyTreeHashesToZeroAndAnEntryAddedAndRemovedLeavesItEmpty() {
    MerkleTree tree = new MerkleTree(TokenRange.fullRing(), 15);
    assertThat(tree.root()).isZero();
    assertThat(tree.hash(15, 123)).isZero();
    MerkleTree copy = tree.copy();
    byte[] key = "k".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] digest = {1, 2, 3};
    tree.add(42, key, digest);
    assertThat(tree.root()).isNotZero();
    assertThat(copy.root()).isZero();
    tree.remove(42, key, digest);
    assertThat(tree.root()).isZero();
  }
}
