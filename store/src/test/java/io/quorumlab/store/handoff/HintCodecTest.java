package io.quorumlab.store.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HintCodecTest {
  private static final HintBatch BATCH = new HintBatch("n1", "n2", 7,
      List.of(new Hint(3, "n2", "k".getBytes(), "value".getBytes(), 123), new Hint(4, "n2", new byte[0], new byte[] {0}, 124)));

  @Test
  void batchesAndAcksRoundTrip() throws IOException {
    HintBatch batch = (HintBatch) HintCodec.decode(HintCodec.encode(BATCH));
    assertThat(batch.from()).isEqualTo("n1");
    assertThat(batch.owner()).isEqualTo("n2");
    assertThat(batch.batchId()).isEqualTo(7);
    assertThat(batch.hints()).hasSize(2);
    assertThat(batch.hints().get(0).id()).isEqualTo(3);
    assertThat(batch.hints().get(0).value()).isEqualTo("value".getBytes());
    assertThat(batch.hints().get(1).createdAt()).isEqualTo(124);
    assertThat(HintCodec.encode(batch)).isEqualTo(HintCodec.encode(BATCH));

    HintAck ack = (HintAck) HintCodec.decode(HintCodec.encode(new HintAck("n2", 7, new long[] {3, 4})));
    assertThat(ack.from()).isEqualTo("n2");
    assertThat(ack.batchId()).isEqualTo(7);
    assertThat(ack.hintIds()).containsExactly(3, 4);
  }

  @Test
  void malformedMessagesAreRejected() {
    byte[] bytes = HintCodec.encode(BATCH);
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> HintCodec.decode(cut)).isInstanceOf(IOException.class);
    }
    byte[] huge = bytes.clone();
    ByteBuffer.wrap(huge).putInt(1 + 4 + 4 + 8, -1);
    assertThatThrownBy(() -> HintCodec.decode(huge)).hasMessageContaining("claims -1 hints");
    assertThatThrownBy(() -> HintCodec.decode(new byte[] {5})).hasMessage("unknown hint message type 5");
    assertThatThrownBy(() -> new HintBatch("n1", "n2", 1, List.of(new Hint(1, "n3", new byte[0], new byte[0], 0))))
        .hasMessageContaining("is for n3, not n2");
  }
}
