package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GossipCodecTest {
  private static final MemberInfo INFO = new MemberInfo("10.0.0.1:7000", MemberStatus.LEAVING, 256, new long[] {-5, 0, Long.MAX_VALUE});

  @Test
  void everyMessageRoundTrips() throws IOException {
    List<GossipMessage> messages = List.of(
        new GossipSyn("n1", List.of(new Digest("n1", 17, 4), new Digest("n2", 1, 0))),
        new GossipAck("n2", List.of(new MemberDelta("n3", 9, 8, 7, INFO), new MemberDelta("n4", 2, 3, 1, null)),
            List.of(new Digest("n5", 0, 0))),
        new GossipAck2("n1", List.of(new MemberDelta("n1", 17, 4, 2, INFO))),
        new GossipSyn("n9", List.of()));
    for (GossipMessage message : messages) {
      assertThat(GossipCodec.decode(GossipCodec.encode(message))).isEqualTo(message);
    }
    GossipAck2 decoded = (GossipAck2) GossipCodec.decode(GossipCodec.encode(messages.get(2)));
    assertThat(decoded.deltas().get(0).info().vnodes()).isEqualTo(256);
    assertThat(decoded.deltas().get(0).info().tokens()).containsExactly(-5, 0, Long.MAX_VALUE);
  }

  @Test
  void truncatedMessagesAreRejected() {
    byte[] bytes = GossipCodec.encode(new GossipAck("n2", List.of(new MemberDelta("n3", 9, 8, 7, INFO)), List.of()));
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> GossipCodec.decode(cut)).isInstanceOf(IOException.class);
    }
  }

  @Test
  void unknownTypeAndTrailingBytesAreRejected() {
    assertThatThrownBy(() -> GossipCodec.decode(new byte[] {42})).hasMessage("unknown gossip message type 42");
    byte[] bytes = GossipCodec.encode(new GossipSyn("n1", List.of()));
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    assertThatThrownBy(() -> GossipCodec.decode(longer)).hasMessageContaining("trailing");
  }

  @Test
  void hostileCountsAreRejectedBeforeAllocating() {
    ByteBuffer frame = ByteBuffer.allocate(16);
    frame.put((byte) 1).putShort((short) 2).put("n1".getBytes()).putInt(Integer.MAX_VALUE);
    assertThatThrownBy(() -> GossipCodec.decode(Arrays.copyOf(frame.array(), frame.position())))
        .hasMessageContaining("limit");
  }

  @Test
  void inconsistentVersionsAreRejectedAsInvalid() {
    byte[] bytes = GossipCodec.encode(new GossipAck2("n1", List.of(new MemberDelta("n3", 9, 8, 7, null))));
    // Patch infoVersion (after type, from, count, id, generation, version) above version.
    ByteBuffer.wrap(bytes).putLong(1 + 4 + 4 + 4 + 8 + 8, 99);
    assertThatThrownBy(() -> GossipCodec.decode(bytes)).hasMessageContaining("infoVersion 99 > version 8");
  }

  @Test
  void unknownStatusIsRejected() {
    byte[] bytes = GossipCodec.encode(new GossipAck2("n1", List.of(new MemberDelta("n3", 9, 8, 7, INFO))));
    int statusOffset = 1 + 4 + 4 + 4 + 8 + 8 + 8 + 1 + 2 + INFO.address().length();
    bytes[statusOffset] = 9;
    assertThatThrownBy(() -> GossipCodec.decode(bytes)).hasMessage("unknown member status 9");
  }
}
