package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberIdsTest {
  private static String decode(MemberIds ids, String text, int padding) {
    // The id lies inside a larger buffer, as it does in a message.
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    byte[] buf = new byte[padding + raw.length + 3];
    System.arraycopy(raw, 0, buf, padding, raw.length);
    return ids.decode(buf, padding, raw.length);
  }

  @Test
  void anIdHeardBeforeIsTheSameStringAndEveryIdDecodesToItsText() {
    MemberIds ids = new MemberIds();
    List<String> first = new ArrayList<>();
    // Enough ids to make the table grow several times, with colliding hashes ("Aa" and "BB").
    for (int i = 0; i < 5_000; i++) {
      first.add(decode(ids, "n" + i, i % 7));
    }
    first.add(decode(ids, "Aa", 0));
    first.add(decode(ids, "BB", 1));
    for (int i = 0; i < 5_000; i++) {
      String again = decode(ids, "n" + i, 3);
      assertThat(again).isEqualTo("n" + i).isSameAs(first.get(i));
    }
    assertThat(decode(ids, "Aa", 2)).isEqualTo("Aa").isSameAs(first.get(5_000));
    assertThat(decode(ids, "BB", 0)).isEqualTo("BB").isSameAs(first.get(5_001));
    assertThat(decode(ids, "", 0)).isEmpty();
    assertThat(ids.size()).isEqualTo(5_003);
  }

  @Test
  void idsThatAreNotAsciiDecodeAsUtf8AndAreNotKept() {
    MemberIds ids = new MemberIds();
    assertThat(decode(ids, "nœud-1", 2)).isEqualTo("nœud-1");
    assertThat(ids.size()).isZero();
  }

  @Test
  void pastTheBoundIdsStillDecodeButAreNoLongerKept() {
    MemberIds ids = new MemberIds();
    for (int i = 0; i < MemberIds.MAX_SHARED; i++) {
      decode(ids, "m" + i, 0);
    }
    String once = decode(ids, "late", 0);
    String twice = decode(ids, "late", 0);
    assertThat(twice).isEqualTo("late").isEqualTo(once).isNotSameAs(once);
    assertThat(ids.size()).isEqualTo(MemberIds.MAX_SHARED);
    assertThat(decode(ids, "m17", 1)).isEqualTo("m17");
  }

  @Test
  void theIdAfterTheLastOneIsGuessedAndAWrongGuessStillDecodesTheIdGiven() {
    MemberIds ids = new MemberIds();
    List<String> order = List.of("n1", "n10", "n100", "n2", "n3");
    List<String> first = new ArrayList<>();
    order.forEach(id -> first.add(decode(ids, id, 1)));
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < order.size(); i++) {
        assertThat(decode(ids, order.get(i), round)).isSameAs(first.get(i));
      }
    }
    // Guesses that miss: a prefix of the guess, a longer id, a skipped member, a new member, one gone back to.
    assertThat(decode(ids, "n1", 0)).isSameAs(first.get(0));
    assertThat(decode(ids, "n", 0)).isEqualTo("n");
    assertThat(decode(ids, "n1", 0)).isSameAs(first.get(0));
    assertThat(decode(ids, "n100", 0)).isSameAs(first.get(2));
    assertThat(decode(ids, "n1000", 0)).isEqualTo("n1000");
    assertThat(decode(ids, "n2", 0)).isSameAs(first.get(3));
    assertThat(decode(ids, "n1", 0)).isSameAs(first.get(0));
    assertThat(decode(ids, "nœud", 0)).isEqualTo("nœud");
    assertThat(decode(ids, "n3", 0)).isSameAs(first.get(4));
    assertThat(ids.size()).isEqualTo(7);
  }

  @Test
  void aSharedIdIsTheStringLaterDecodedForIt() {
    MemberIds ids = new MemberIds();
    String self = ids.share(new String("n7"));
    assertThat(self).isEqualTo("n7");
    assertThat(decode(ids, "n7", 2)).isSameAs(self);
    assertThat(ids.share("n7")).isSameAs(self);
    assertThat(ids.share("nœud")).isEqualTo("nœud");
  }
}
