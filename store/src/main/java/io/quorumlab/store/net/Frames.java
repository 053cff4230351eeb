package io.quorumlab.store.net;

import io.netty.channel.ChannelPipeline;

/**
 * The wire contract: every frame is a 4-byte big-endian unsigned length L, then exactly L bytes of
 * payload ({@link io.quorumlab.store.protocol.Codec}). Nothing else is ever sent.
 */
public final class Frames {
  public static final int HEADER_BYTES = 4;

  private Frames() {}

  /** Installs frame splitting, message decoding and encoding on a client's fresh pipeline. */
  public static void install(ChannelPipeline pipeline, int maxFrameBytes) {
    install(pipeline, maxFrameBytes, InboundBudget.UNLIMITED);
  }

  /** The same, holding unfinished frames within {@code budget}; returns the decoder. */
  static FrameDecoder install(ChannelPipeline pipeline, int maxFrameBytes, InboundBudget budget) {
    FrameDecoder frames = new FrameDecoder(maxFrameBytes, budget);
    pipeline.addLast("frames", frames);
    pipeline.addLast("encoder", new MessageEncoder(maxFrameBytes));
    return frames;
  }
}
