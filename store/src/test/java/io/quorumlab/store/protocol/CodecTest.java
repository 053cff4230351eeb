package io.quorumlab.store.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.version.DottedSiblings;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionVector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodecTest {
  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Message roundTrip(Message m) {
    return Codec.decode(Codec.encode(m));
  }

  @Test
  void clientMessagesRoundTrip() {
    WireOptions opts = new WireOptions(2, 3, Quorum.STRICT, 750);
    var get = (ClientRequest.Get) roundTrip(new ClientRequest.Get(7, "ключ", opts));
    assertThat(get.id()).isEqualTo(7);
    assertThat(get.key()).isEqualTo("ключ");
    assertThat(get.options()).isEqualTo(opts);

    var put = (ClientRequest.Put) roundTrip(new ClientRequest.Put(Long.MAX_VALUE, "k", b("v"), b("ctx"), WireOptions.DEFAULTS));
    assertThat(put.id()).isEqualTo(Long.MAX_VALUE);
    assertThat(put.value()).isEqualTo(b("v"));
    assertThat(put.context()).isEqualTo(b("ctx"));
    assertThat(put.options()).isEqualTo(WireOptions.DEFAULTS);

    var delete = (ClientRequest.Put) roundTrip(new ClientRequest.Put(1, "k", null, new byte[0], WireOptions.DEFAULTS));
    assertThat(delete.isDelete()).isTrue();

    var ok = (ClientReply.GetOk) roundTrip(new ClientReply.GetOk(3, 2, b("c"), List.of(b("x"), b(""), b("y"))));
    assertThat(ok.siblings()).hasSize(3);
    assertThat(new String(ok.siblings().get(2), StandardCharsets.UTF_8)).isEqualTo("y");
    assertThat(ok.replies()).isEqualTo(2);

    var err = (ClientReply.Error) roundTrip(new ClientReply.Error(4, ErrorKind.INDETERMINATE, "maybe"));
    assertThat(err.kind()).isEqualTo(ErrorKind.INDETERMINATE);
    assertThat(err.message()).isEqualTo("maybe");
    assertThat(roundTrip(new ClientReply.PutOk(5, 3, b("c")))).isInstanceOf(ClientReply.PutOk.class);
    assertThat(roundTrip(new ClientRequest.Ping(9))).isEqualTo(new ClientRequest.Ping(9));
    assertThat(roundTrip(new ClientReply.Pong(9, "n2"))).isEqualTo(new ClientReply.Pong(9, "n2"));
    assertThat(roundTrip(new ClientRequest.Admin(10, "status"))).isEqualTo(new ClientRequest.Admin(10, "status"));
    assertThat(roundTrip(new ClientReply.AdminOk(10, "{\"node\":\"n1\"}"))).isEqualTo(new ClientReply.AdminOk(10, "{\"node\":\"n1\"}"));
  }

  @Test
  void peerMessagesRoundTrip() {
    Siblings state = DottedSiblings.INSTANCE.put(Siblings.EMPTY, "n1", VersionVector.EMPTY, b("v"), 99).state();
    var hello = (PeerMessage.Hello) roundTrip(new PeerMessage.Hello("n3", "lab", new byte[] {1, 2, 3}));
    assertThat(hello.nodeId()).isEqualTo("n3");
    assertThat(hello.cluster()).isEqualTo("lab");
    assertThat(hello.proof()).containsExactly(1, 2, 3);
    assertThat(roundTrip(new PeerMessage.ReplicaRead(11, "k"))).isEqualTo(new PeerMessage.ReplicaRead(11, "k"));
    assertThat(roundTrip(new PeerMessage.ReplicaReadReply(11, true, state))).isEqualTo(new PeerMessage.ReplicaReadReply(11, true, state));
    assertThat(roundTrip(new PeerMessage.ReplicaWrite(12, "k", state, "n2"))).isEqualTo(new PeerMessage.ReplicaWrite(12, "k", state, "n2"));
    assertThat(roundTrip(new PeerMessage.ReplicaWrite(0, "k", state, null))).isEqualTo(new PeerMessage.ReplicaWrite(0, "k", state, null));
    assertThat(roundTrip(new PeerMessage.ReplicaWriteAck(12, true))).isEqualTo(new PeerMessage.ReplicaWriteAck(12, true, null));
    assertThat(roundTrip(new PeerMessage.ReplicaWriteAck(12, false, "no space left on device")))
        .isEqualTo(new PeerMessage.ReplicaWriteAck(12, false, "no space left on device"));
    var fwd = (PeerMessage.Forward) roundTrip(new PeerMessage.Forward(13, new ClientRequest.Get(1, "k", WireOptions.DEFAULTS)));
    assertThat(fwd.request()).isEqualTo(new ClientRequest.Get(1, "k", WireOptions.DEFAULTS));
    var reply = (PeerMessage.ForwardReply) roundTrip(new PeerMessage.ForwardReply(13, new ClientReply.Pong(1, "n1")));
    assertThat(reply.reply()).isEqualTo(new ClientReply.Pong(1, "n1"));
    var ext = (PeerMessage.Extension) roundTrip(new PeerMessage.Extension(3, b("gossip")));
    assertThat(ext.channel()).isEqualTo(3);
    assertThat(ext.payload()).isEqualTo(b("gossip"));
  }

  @Test
  void anExtensionOfAnySizeRoundTripsAndItsFrameIsExactlyItsBytes() {
    // Its frame is sized exactly up front (no growth, no final copy): the sizes must be right at
    // every varint boundary of the payload's length and channel.
    for (int channel : new int[] {0, 3, 127, 128, 70_000}) {
      for (int length : new int[] {0, 1, 15, 16, 127, 128, 16_383, 16_384, 40_000}) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 0x5A);
        byte[] frame = Codec.encode(new PeerMessage.Extension(channel, payload));
        assertThat(frame).hasSize(1 + BinaryWriter.varLongSize(channel) + BinaryWriter.varLongSize(length) + length);
        var back = (PeerMessage.Extension) Codec.decode(frame);
        assertThat(back.channel()).isEqualTo(channel);
        assertThat(back.payload()).isEqualTo(payload);
      }
    }
  }

  @Test
  void malformedPayloadsAreRejected() {
    assertThatThrownBy(() -> Codec.decode(new byte[0])).isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> Codec.decode(new byte[] {0x7F})).isInstanceOf(MalformedException.class).hasMessageContaining("unknown message type");
    byte[] good = Codec.encode(new ClientRequest.Get(7, "key", WireOptions.DEFAULTS));
    for (int cut = 1; cut < good.length; cut++) {
      byte[] truncated = Arrays.copyOf(good, cut);
      assertThatThrownBy(() -> Codec.decode(truncated)).isInstanceOf(MalformedException.class);
    }
    byte[] trailing = Arrays.copyOf(good, good.length + 1);
    assertThatThrownBy(() -> Codec.decode(trailing)).isInstanceOf(MalformedException.class).hasMessageContaining("trailing");
    // A length that claims far more than the payload holds.
    byte[] huge = {Codec.GET, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x0F};
    assertThatThrownBy(() -> Codec.decode(huge)).isInstanceOf(MalformedException.class);
  }

  /** FORWARD, op 1, then FORWARD again {@code depth} times, then a get: one frame of about 2 * depth bytes. */
  static byte[] nestedForwards(int outerType, int depth, Message innermost) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < depth; i++) {
      out.write(outerType);
      out.write(1);
    }
    out.writeBytes(Codec.encode(innermost));
    return out.toByteArray();
  }

  @Test
  void aForwardCarriesExactlyOneClientRequestAndIsNeverDecodedRecursively() {
    ClientRequest get = new ClientRequest.Get(1, "k", WireOptions.DEFAULTS);
    assertThat(((PeerMessage.Forward) Codec.decode(nestedForwards(Codec.FORWARD, 1, get))).request()).isEqualTo(get);

    // 100,000 nested forwards in a 200 KB frame: before, each level recursed once and the decoder
    // overflowed the stack of the thread that read the frame.
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD, 100_000, get)))
        .isInstanceOf(MalformedException.class).hasMessageContaining("a forward carries one client request");
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD, 2, get)))
        .isInstanceOf(MalformedException.class).hasMessageContaining("not message type 0x26");
    ClientReply pong = new ClientReply.Pong(1, "n1");
    assertThat(((PeerMessage.ForwardReply) Codec.decode(nestedForwards(Codec.FORWARD_REPLY, 1, pong))).reply()).isEqualTo(pong);
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD_REPLY, 100_000, pong)))
        .isInstanceOf(MalformedException.class).hasMessageContaining("a forward reply carries one client reply");
    // Nor does a forward carry a peer message or a reply, nor a forward reply a request.
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD, 1, new PeerMessage.ReplicaRead(1, "k"))))
        .isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD, 1, pong))).isInstanceOf(MalformedException.class);
    assertThatThrownBy(() -> Codec.decode(nestedForwards(Codec.FORWARD_REPLY, 1, get))).isInstanceOf(MalformedException.class);
  }
}
