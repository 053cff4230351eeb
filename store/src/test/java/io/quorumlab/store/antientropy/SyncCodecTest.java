package io.quorumlab.store.antientropy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncCodecTest {
  private static BitSet bits(int... set) {
    BitSet bits = new BitSet();
    for (int i : set) {
      bits.set(i);
    }
    return bits;
  }

  private static final List<SyncMessage> MESSAGES = List.of(
      new SyncStart("n1", 42, new TokenRange(-7, 1234), 16, 0xDEADBEEFL),
      new SyncHashes("n2", 42, 10, bits(0, 3, 9), new long[] {1, -2, 3, Long.MIN_VALUE, 5, 6}),
      new SyncKeys("n1", 42, false, 9, bits(8), List.of(new KeyDigest(new byte[] {1, 2}, new byte[8])), false),
      new SyncKeys("n1", 42, true, 0, new BitSet(), List.of(), true),
      new SyncValues("n2", 42, List.of(new KeyValue("k".getBytes(), "value".getBytes())),
          List.of("w1".getBytes(), new byte[0]), true),
      new SyncDone("n2", 42, SyncDone.Reason.REFUSED, "no tree for (1, 2] — ünïcode"));

  @Test
  void everyMessageRoundTripsAndItsSizeIsKnownWithoutEncoding() throws IOException {
    for (SyncMessage message : MESSAGES) {
      byte[] bytes = SyncCodec.encode(message);
      assertThat(SyncCodec.encodedSize(message)).as(message.getClass().getSimpleName()).isEqualTo(bytes.length);
      SyncMessage decoded = SyncCodec.decode(bytes);
      assertThat(decoded.getClass()).isEqualTo(message.getClass());
      assertThat(SyncCodec.encode(decoded)).isEqualTo(bytes);
    }
    SyncHashes hashes = (SyncHashes) SyncCodec.decode(SyncCodec.encode(MESSAGES.get(1)));
    assertThat(hashes.marked()).isEqualTo(bits(0, 3, 9));
    assertThat(hashes.childHashes()).containsExactly(1, -2, 3, Long.MIN_VALUE, 5, 6);
    SyncValues values = (SyncValues) SyncCodec.decode(SyncCodec.encode(MESSAGES.get(4)));
    assertThat(values.values()).containsExactly(new KeyValue("k".getBytes(), "value".getBytes()));
    assertThat(values.wanted()).hasSize(2);
    assertThat(values.last()).isTrue();
  }

  @Test
  void truncatedMessagesAreRejected() {
    for (SyncMessage message : MESSAGES) {
      byte[] bytes = SyncCodec.encode(message);
      for (int length = 0; length < bytes.length; length++) {
        byte[] cut = Arrays.copyOf(bytes, length);
        assertThatThrownBy(() -> SyncCodec.decode(cut)).isInstanceOf(IOException.class);
      }
    }
  }

  @Test
  void badTypesCountsAndMarksAreRejected() {
    byte[] unknown = SyncCodec.encode(MESSAGES.get(0));
    unknown[0] = 9;
    assertThatThrownBy(() -> SyncCodec.decode(unknown)).hasMessage("unknown anti-entropy message type 9");

    byte[] hashes = SyncCodec.encode(MESSAGES.get(1));
    int countOffset = 1 + 2 + 2 + 8 + 4 + 2;
    ByteBuffer.wrap(hashes).putInt(countOffset, Integer.MAX_VALUE);
    assertThatThrownBy(() -> SyncCodec.decode(hashes)).hasMessageContaining("limit");

    byte[] marks = SyncCodec.encode(new SyncHashes("n2", 1, 3, bits(0), new long[] {1, 2}));
    marks[1 + 2 + 2 + 8 + 4] = (byte) 0x80;
    assertThatThrownBy(() -> SyncCodec.decode(marks)).hasMessageContaining("marks beyond the 3");

    byte[] done = SyncCodec.encode(MESSAGES.get(5));
    done[1 + 2 + 2 + 8] = 7;
    assertThatThrownBy(() -> SyncCodec.decode(done)).hasMessage("unknown anti-entropy end reason 7");

    byte[] longer = Arrays.copyOf(SyncCodec.encode(MESSAGES.get(0)), SyncCodec.encode(MESSAGES.get(0)).length + 2);
    assertThatThrownBy(() -> SyncCodec.decode(longer)).hasMessageContaining("trailing");
  }
}
