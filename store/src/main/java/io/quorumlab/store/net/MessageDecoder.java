package io.quorumlab.store.net;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.protocol.Codec;
import java.util.List;

/** One frame's payload to one message; a payload that does not decode is a corrupted frame. */
final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {
  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    byte[] bytes = ByteBufUtil.getBytes(frame);
    try {
      out.add(Codec.decode(bytes));
    } catch (MalformedException e) {
      throw new CorruptedFrameException("malformed frame of " + bytes.length + " bytes: " + e.getMessage());
    }
  }
}
