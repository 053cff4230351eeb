package io.quorumlab.store.net;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.protocol.Codec;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * Splits the byte stream into frames ({@link Frames}) and decodes each into a message. A frame's
 * bytes go straight into one array of its exact length, reserved from the node's
 * {@link InboundBudget} when its header arrives: a connection holds at most one unfinished frame
 * (at most {@code maxFrameBytes}), all connections together at most the budget, and nothing stays
 * in Netty's buffer pool. When the budget has no room the connection stops reading, keeps what it
 * already read, and goes on once another frame's bytes are released.
 */
final class FrameDecoder extends ChannelInboundHandlerAdapter {
  private final int maxFrameBytes;
  private final InboundBudget budget;
  private final byte[] header = new byte[Frames.HEADER_BYTES];
  private int headerFilled;
  /** Length of the frame whose header arrived and that waits for room in the budget; -1 when none. */
  private int awaitingRoom = -1;
  private byte[] body;
  private int bodyFilled;
  /** Bytes read while waiting for room, in order. */
  private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
  private boolean closed;
  /** When the unfinished frame last advanced: bytes arrived, or it got its room in the budget. */
  private long progressNanos = System.nanoTime();

  FrameDecoder(int maxFrameBytes, InboundBudget budget) {
    this.maxFrameBytes = maxFrameBytes;
    this.budget = budget;
  }

  /** Whether a frame has begun and not ended, and its sender is the one to go on (not the budget). */
  boolean midFrame() {
    return awaitingRoom < 0 && (headerFilled > 0 || body != null);
  }

  /** Nanoseconds (of {@link System#nanoTime}) since the unfinished frame last advanced. */
  long sinceProgressNanos() {
    return System.nanoTime() - progressNanos;
  }

  /** Whether the connection is between two frames (neither receiving one nor waiting for room). */
  boolean betweenFrames() {
    return awaitingRoom < 0 && headerFilled == 0 && body == null;
  }

  /** What has arrived of the unfinished frame, for messages. */
  String progress() {
    return body != null ? bodyFilled + " of " + body.length + " bytes" : headerFilled + " of " + Frames.HEADER_BYTES + " header bytes";
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (closed) {
      in.release();
    } else if (awaitingRoom >= 0) {
      held.add(in);
    } else {
      try {
        if (!consume(ctx, in) && in.isReadable()) held.add(in.retain());
      } finally {
        in.release();
      }
    }
  }

  /**
   * Reads frames out of {@code in} until it is empty; false when it stopped because the budget has
   * no room for the next frame (whose header it consumed).
   */
  private boolean consume(ChannelHandlerContext ctx, ByteBuf in) {
    if (in.isReadable()) progressNanos = System.nanoTime();
    while (!closed && !ctx.isRemoved()) {
      if (body == null) {
        int n = Math.min(in.readableBytes(), Frames.HEADER_BYTES - headerFilled);
        in.readBytes(header, headerFilled, n);
        headerFilled += n;
        if (headerFilled < Frames.HEADER_BYTES) return true;
        long length = ((header[0] & 0xFFL) << 24) | ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
        if (length > maxFrameBytes) {
          closed = true;
          throw new TooLongFrameException("frame of " + length + " bytes announced, limit " + maxFrameBytes);
        }
        if (!begin(ctx, (int) length)) return false;
      }
      int n = Math.min(in.readableBytes(), body.length - bodyFilled);
      in.readBytes(body, bodyFilled, n);
      bodyFilled += n;
      if (bodyFilled < body.length) return true;
      finish(ctx);
    }
    return true;
  }

  /** Reserves room for a frame of {@code length}; otherwise stops reading until there is some. */
  private boolean begin(ChannelHandlerContext ctx, int length) {
    if (budget.tryReserve(length)) {
      progressNanos = System.nanoTime();
      body = new byte[length];
      bodyFilled = 0;
      awaitingRoom = -1;
      return true;
    }
    awaitingRoom = length;
    ctx.channel().config().setAutoRead(false);
    budget.whenReleased(length, () -> {
      try {
        ctx.executor().execute(() -> retry(ctx));
      } catch (RejectedExecutionException stopping) {
        // the node is shutting down: nothing waits for this frame any more
      }
    });
    return false;
  }

  /** Another frame released room: begin the waiting frame, go through what was held, read again. */
  private void retry(ChannelHandlerContext ctx) {
    if (closed || awaitingRoom < 0) return;
    try {
      if (!begin(ctx, awaitingRoom)) return;
      if (body.length == 0) finish(ctx);
      while (!held.isEmpty() && !closed) {
        ByteBuf next = held.peek();
        boolean goOn = consume(ctx, next);
        if (!goOn && next.isReadable()) return; // waits again, with the rest of next first in line
        held.poll().release();
        if (!goOn) return;
      }
      if (!closed) ctx.channel().config().setAutoRead(true);
    } catch (RuntimeException e) {
      ctx.fireExceptionCaught(e);
    }
  }

  private void finish(ChannelHandlerContext ctx) {
    byte[] frame = body;
    body = null;
    headerFilled = 0;
    Object message;
    try {
      message = Codec.decode(frame);
    } catch (MalformedException e) {
      closed = true;
      throw new CorruptedFrameException("malformed frame of " + frame.length + " bytes: " + e.getMessage());
    } finally {
      budget.release(frame.length);
    }
    ctx.fireChannelRead(message);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    closed = true;
    if (body != null) {
      budget.release(body.length);
      body = null;
    }
    ByteBuf b;
    while ((b = held.poll()) != null) b.release();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    handlerRemoved(ctx);
    super.channelInactive(ctx);
  }
}
