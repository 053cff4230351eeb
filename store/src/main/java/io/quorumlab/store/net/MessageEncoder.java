package io.quorumlab.store.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.protocol.Codec;
import io.quorumlab.store.protocol.Message;

/** A message to one frame: the length, then the payload. */
final class MessageEncoder extends MessageToByteEncoder<Message> {
  private final int maxFrameBytes;

  MessageEncoder(int maxFrameBytes) {
    super(Message.class);
    this.maxFrameBytes = maxFrameBytes;
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, Message msg, ByteBuf out) {
    BinaryWriter payload = new BinaryWriter(128);
    Codec.write(payload, msg);
    if (payload.size() > maxFrameBytes) {
      // The receiver would close the connection; refuse to send it instead.
      throw new EncoderException(msg.getClass().getSimpleName() + " of " + payload.size()
          + " bytes exceeds maxFrameBytes=" + maxFrameBytes);
    }
    out.ensureWritable(Frames.HEADER_BYTES + payload.size());
    out.writeInt(payload.size());
    out.writeBytes(payload.array(), 0, payload.size());
  }
}
