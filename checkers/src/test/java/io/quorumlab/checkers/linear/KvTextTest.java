package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rope's incremental hash must be the whole string's, however the string was built. */
class KvTextTest {
  @Test
  void hashIsTheWholeStringsWhateverTheSplit() {
    SplittableRandom random = new SplittableRandom(7);
    for (int round = 0; round < 200; round++) {
      StringBuilder whole = new StringBuilder();
      KvModel.Text text = random.nextBoolean() ? KvModel.Text.EMPTY : KvModel.Text.of("p" + round);
      if (text != KvModel.Text.EMPTY) whole.append("p").append(round);
      int appends = random.nextInt(1, 12);
      for (int i = 0; i < appends; i++) {
        // suffixes up to 150 chars: beyond the table of powers of 31 too
        String suffix = "x".repeat(random.nextInt(0, 150)) + random.nextInt(1000) + " y";
        text = text.append(suffix);
        whole.append(suffix);
      }
      String s = whole.toString();
      KvModel.Text flat = KvModel.Text.of(s);
      assertThat(text.hashCode()).isEqualTo(s.hashCode());
      assertThat(text).isEqualTo(flat);
      assertThat(text.is(s)).isTrue();
      assertThat(text.is(s + "!")).isFalse();
      assertThat(text.toString()).isEqualTo(s);
    }
  }

  @Test
  void differentStringsOfOneLengthDiffer() {
    KvModel.Text a = KvModel.Text.EMPTY.append("x 0 1 y").append("x 1 0 y");
    KvModel.Text b = KvModel.Text.EMPTY.append("x 1 0 y").append("x 0 1 y");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.is("x 1 0 yx 0 1 y")).isFalse();
  }
}
