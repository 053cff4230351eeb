package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rope's incremental hash must be the whole string's, however the string was built; look-ahead's prefix test never misses a prefix. */
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

  @Test
  void aPrefixIsAlwaysSeenAsOneAndAWrongLastAppendNever() {
    KvModel.Text text = KvModel.Text.of("p").append("x 1 y").append("x 2 y");
    assertThat(text.mayPrefix("px 1 yx 2 y", 4)).isTrue();
    assertThat(text.mayPrefix("px 1 yx 2 yx 3 y", 4)).isTrue();
    assertThat(text.mayPrefix("px 2 yx 1 yx 3 y", 4)).isFalse();
    assertThat(text.mayPrefix("qx 1 yx 2 yx 3 y", 4)).isFalse();
    assertThat(text.mayPrefix("px 1 y", 4)).isFalse();
    // looking at the last append only, a wrong start is not seen: "may", never a wrong "no"
    assertThat(text.mayPrefix("qx 1 yx 2 yx 3 y", 1)).isTrue();
    text.toString(); // the whole string cached: the same answers
    assertThat(text.mayPrefix("px 1 yx 2 yx 3 y", 1)).isTrue();
    assertThat(text.mayPrefix("px 2 yx 1 yx 3 y", 1)).isFalse();
    assertThat(text.mayPrefix("qx 1 yx 2 yx 3 y", 1)).isTrue();
    assertThat(text.mayPrefix("qx 1 yx 2 yx 3 y", 2)).isFalse(); // both appends, then the root
  }
}
