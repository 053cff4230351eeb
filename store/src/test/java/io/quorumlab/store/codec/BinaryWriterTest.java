package io.quorumlab.store.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinaryWriterTest {

  @Test
  void writeStringWritesTheUtf8BytesWithTheirLengthWhateverTheChars() {
    List<String> strings = List.of("", "n1", "n123", "é", "n1é", "aé" + "x".repeat(200), "😀", "x".repeat(127),
        "x".repeat(128), "x".repeat(126) + "é", "10.0.0.1:7000");
    for (String s : strings) {
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      byte[] expected = new BinaryWriter().writeByte(7).writeVarLong(utf8.length).writeRaw(utf8).writeByte(9).toByteArray();
      byte[] written = new BinaryWriter(16).writeByte(7).writeString(s).writeByte(9).toByteArray();
      assertThat(written).as(s).isEqualTo(expected);
      BinaryReader back = new BinaryReader(written);
      back.readByte();
      assertThat(back.readString(1 << 16, "s")).isEqualTo(s);
    }
  }

  @Test
  void varLongSizeIsWhatWriteVarLongWrites() {
    for (long v : new long[] {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE}) {
      assertThat(BinaryWriter.varLongSize(v)).as("%d", v).isEqualTo(new BinaryWriter().writeVarLong(v).size());
    }
  }

  @Test
  void aWriterSizedExactlyFillsUpAndItsBytesDoNotChangeWithLaterWrites() {
    BinaryWriter out = new BinaryWriter(20);
    out.writeByte(1).writeVarLong(300).writeRaw(new byte[16]).writeVarLong(1);
    assertThat(out.size()).isEqualTo(20);
    byte[] bytes = out.toByteArray();
    byte[] before = bytes.clone();
    out.writeVarLong(Long.MAX_VALUE).writeString("n1").writeByte(9);
    assertThat(bytes).isEqualTo(before);
    assertThat(out.toByteArray()).startsWith(before).hasSize(20 + 9 + 3 + 1);
  }

  @Test
  void aClearedWriterWritesFromTheStart() {
    BinaryWriter out = new BinaryWriter(16).writeString("abc");
    assertThat(out.clear().writeByte(5).toByteArray()).containsExactly(5);
  }
}
