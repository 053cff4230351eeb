package io.quorumlab.store.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.codec.BinaryWriter;
import java.io.IOException;
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
    byte[] frame = new BinaryWriter().writeByte(GossipCodec.SYN).writeString("n1").writeVarLong(Integer.MAX_VALUE).toByteArray();
    assertThatThrownBy(() -> GossipCodec.decode(frame)).hasMessageContaining("limit");
  }

  @Test
  void inconsistentVersionsAreRejectedAsInvalid() {
    byte[] bytes = new BinaryWriter().writeByte(GossipCodec.ACK2).writeString("n1").writeVarLong(1)
        .writeString("n3").writeVarLong(9).writeVarLong(8).writeVarLong(99).writeByte(0).toByteArray();
    assertThatThrownBy(() -> GossipCodec.decode(bytes)).hasMessageContaining("infoVersion 99 > version 8");
  }

  @Test
  void unknownStatusIsRejected() {
    byte[] bytes = new BinaryWriter().writeByte(GossipCodec.ACK2).writeString("n1").writeVarLong(1)
        .writeString("n3").writeVarLong(9).writeVarLong(8).writeVarLong(7).writeByte(1)
        .writeString(INFO.address()).writeByte(9).writeVarLong(0).writeVarLong(0).toByteArray();
    assertThatThrownBy(() -> GossipCodec.decode(bytes)).hasMessage("unknown member status 9");
  }

  @Test
  void aDigestOfAnEpochMillisGenerationTakesThirteenBytes() {
    int empty = GossipCodec.encode(new GossipSyn("n1", List.of())).length;
    int one = GossipCodec.encode(new GossipSyn("n1", List.of(new Digest("n123", 1_765_000_000_000L, 1000)))).length;
    assertThat(one - empty).isEqualTo(13);
  }

  @Test
  void decodedMemberIdsAreSharedStrings() throws IOException {
    byte[] bytes = GossipCodec.encode(new GossipSyn("n1", List.of(new Digest(new String("n77"), 3, 4))));
    GossipSyn a = (GossipSyn) GossipCodec.decode(bytes);
    GossipSyn b = (GossipSyn) GossipCodec.decode(bytes);
    assertThat(a).isEqualTo(b);
    assertThat(a.digests().get(0).id()).isSameAs(b.digests().get(0).id());
  }
}
