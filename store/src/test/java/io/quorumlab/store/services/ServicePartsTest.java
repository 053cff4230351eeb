package io.quorumlab.store.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.storage.MemoryStorage;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import io.quorumlab.store.version.VersionVector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parts of the cluster services: token index, state digest, node metadata. */
class ServicePartsTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> keysIn(KeyIndex index, TokenRange range) {
    List<String> keys = new ArrayList<>();
    index.forEachIn(range, (key, token, digest) -> keys.add(new String(key, StandardCharsets.UTF_8)));
    return keys;
  }

  @Test
  void theIndexVisitsRangesClockwiseAcrossTheWrapAndTracksDigests() {
    KeyIndex index = new KeyIndex();
    assertThat(index.put("a", 10, new byte[] {1})).isNull();
    index.put("b", 100, new byte[] {2});
    index.put("c", -5, new byte[] {3}); // unsigned: just below 2^64
    index.put("d", 100, new byte[] {4}); // colliding token
    assertThat(index.size()).isEqualTo(4);
    assertThat(keysIn(index, new TokenRange(10, 100))).containsExactlyInAnyOrder("b", "d");
    assertThat(keysIn(index, new TokenRange(100, 10))).containsExactly("c", "a"); // wraps through 2^64
    assertThat(keysIn(index, TokenRange.fullRing())).hasSize(4);
    assertThat(index.put("d", 100, new byte[] {5})).containsExactly(4);
    assertThat(index.put("d", 100, null)).containsExactly(5);
    assertThat(index.size()).isEqualTo(3);
    assertThat(keysIn(index, new TokenRange(10, 100))).containsExactly("b");
  }

  @Test
  void theDigestDependsOnTheWritesHeldNotOnTheirOrderOrPayloadCopies() {
    Version v1 = new Version("n1", 1, 5, VersionVector.EMPTY, b("x"));
    Version v2 = new Version("n2", 1, 6, VersionVector.EMPTY, b("y"));
    Version tomb = new Version("n2", 2, 7, VersionVector.EMPTY, null);
    assertThat(StateDigest.of(Siblings.EMPTY)).isNull();
    assertThat(StateDigest.of(new Siblings(List.of(v1, v2)))).isEqualTo(StateDigest.of(new Siblings(List.of(v2, v1))));
    assertThat(StateDigest.of(Siblings.of(v1))).isNotEqualTo(StateDigest.of(new Siblings(List.of(v1, v2))));
    assertThat(StateDigest.of(Siblings.of(v2))).isNotEqualTo(StateDigest.of(Siblings.of(tomb)));
  }

  @Test
  void generationsNeverGoBackwardsEvenWhenTheClockDoes() {
    NodeMeta meta = new NodeMeta(new MemoryStorage());
    long first = meta.nextGeneration(1_000_000);
    assertThat(first).isEqualTo(1_000_000);
    assertThat(meta.nextGeneration(5)).isEqualTo(1_000_001); // clock went back: still larger
    assertThat(meta.nextGeneration(2_000_000)).isEqualTo(2_000_000);
    assertThat(meta.membership()).isNull();
    meta.setMembership("UP");
    assertThat(meta.membership()).isEqualTo("UP");
  }
}
