package io.quorumlab.store.net;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;

/**
 * The wire contract: every frame is a 4-byte big-endian unsigned length L, then exactly L bytes of
 * payload ({@link io.quorumlab.store.protocol.Codec}). Nothing else is ever sent.
 */
public final class Frames {
  public static final int HEADER_BYTES = 4;

  private Frames() {}

  /** Installs frame splitting, message decoding and encoding on a fresh pipeline. */
  public static void install(ChannelPipeline pipeline, int maxFrameBytes) {
    // failFast: an oversized length is rejected as soon as the header arrives, without buffering.
    pipeline.addLast("frames", new LengthFieldBasedFrameDecoder(maxFrameBytes + HEADER_BYTES, 0, HEADER_BYTES, 0, HEADER_BYTES, true));
    pipeline.addLast("decoder", new MessageDecoder());
    pipeline.addLast("encoder", new MessageEncoder(maxFrameBytes));
  }
}
