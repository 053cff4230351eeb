package io.quorumlab.store.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionVectorTest {
  static VersionVector vv(Object... kv) {
    java.util.Map<String, Long> m = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], ((Number) kv[i + 1]).longValue());
    }
    return VersionVector.of(m);
  }

  @Test
  void descendsIsPointwiseGreaterOrEqual() {
    assertThat(vv("a", 2, "b", 1).descends(vv("a", 1))).isTrue();
    assertThat(vv("a", 2, "b", 1).descends(vv("a", 2, "b", 1))).isTrue();
    assertThat(vv("a", 1).descends(vv("a", 2))).isFalse();
    assertThat(vv("a", 1).descends(vv("b", 1))).isFalse();
    assertThat(vv("a", 1).descends(VersionVector.EMPTY)).isTrue();
    assertThat(VersionVector.EMPTY.descends(vv("a", 1))).isFalse();
  }

  @Test
  void dominatesExcludesEquality() {
    assertThat(vv("a", 2).dominates(vv("a", 1))).isTrue();
    assertThat(vv("a", 2).dominates(vv("a", 2))).isFalse();
  }

  @Test
  void concurrentWhenNeitherDescends() {
    assertThat(vv("a", 1).concurrentWith(vv("b", 1))).isTrue();
    assertThat(vv("a", 2, "b", 1).concurrentWith(vv("a", 1, "b", 2))).isTrue();
    assertThat(vv("a", 2, "b", 2).concurrentWith(vv("a", 1, "b", 2))).isFalse();
    assertThat(vv("a", 1).concurrentWith(vv("a", 1))).isFalse();
  }

  @Test
  void mergeIsThePointwiseMaxAndALeastUpperBound() {
    VersionVector x = vv("a", 3, "b", 1);
    VersionVector y = vv("b", 4, "c", 2);
    VersionVector m = x.merge(y);
    assertThat(m.entries()).isEqualTo(Map.of("a", 3L, "b", 4L, "c", 2L));
    assertThat(m.descends(x)).isTrue();
    assertThat(m.descends(y)).isTrue();
    assertThat(x.merge(y)).isEqualTo(y.merge(x));
    assertThat(x.merge(x)).isEqualTo(x);
  }

  @Test
  void coversAndIncrement() {
    VersionVector x = vv("a", 3);
    assertThat(x.covers(new Dot("a", 3))).isTrue();
    assertThat(x.covers(new Dot("a", 4))).isFalse();
    assertThat(x.covers(new Dot("b", 1))).isFalse();
    assertThat(x.increment("a").get("a")).isEqualTo(4);
    assertThat(x.increment("b").get("b")).isEqualTo(1);
  }

  @Test
  void encodingRoundTrips() {
    VersionVector x = vv("n1", 3, "n22", 300_000_000_000L);
    assertThat(VersionCodec.decodeVersionVector(VersionCodec.encode(x))).isEqualTo(x);
    assertThat(VersionCodec.decodeVersionVector(VersionCodec.encode(VersionVector.EMPTY))).isEqualTo(VersionVector.EMPTY);
  }
}
