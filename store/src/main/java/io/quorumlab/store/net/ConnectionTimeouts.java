package io.quorumlab.store.net;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes an accepted connection that stalls in the middle of a frame for {@code frameTimeoutMs}
 * (its unfinished frame holds memory of the node's {@link InboundBudget}), and a client connection
 * without any traffic for {@code idleTimeoutMs} (0: never). Peer connections are never idle-closed:
 * their senders reconnect at will, and gossip keeps them busy anyway. A connection waiting for room
 * in the budget is not stalled: it is the node that holds it back.
 */
final class ConnectionTimeouts extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTimeouts.class);
  private static final long MIN_CHECK_MS = 10;
  private static final long MAX_CHECK_MS = 1000;

  private final String self;
  private final FrameDecoder frames;
  private final long frameTimeoutNanos;
  private final long idleTimeoutNanos;
  private final long checkMs;
  private long lastTraffic;
  private boolean peer;
  private ScheduledFuture<?> check;

  ConnectionTimeouts(String self, FrameDecoder frames, long frameTimeoutMs, long idleTimeoutMs) {
    this.self = self;
    this.frames = frames;
    this.frameTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(frameTimeoutMs);
    this.idleTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(idleTimeoutMs);
    long shortest = idleTimeoutMs > 0 ? Math.min(frameTimeoutMs, idleTimeoutMs) : frameTimeoutMs;
    this.checkMs = Math.max(MIN_CHECK_MS, Math.min(MAX_CHECK_MS, shortest / 4));
  }

  /** The connection said hello: it carries a peer's messages and is not idle-closed. */
  void markPeer() {
    peer = true;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    lastTraffic = System.nanoTime();
    check = ctx.executor().scheduleWithFixedDelay(() -> check(ctx), checkMs, checkMs, TimeUnit.MILLISECONDS);
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (check != null) check.cancel(false);
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    lastTraffic = System.nanoTime();
    super.channelRead(ctx, msg);
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    lastTraffic = System.nanoTime();
    super.write(ctx, msg, promise);
  }

  private void check(ChannelHandlerContext ctx) {
    long now = System.nanoTime();
    long stalled = frames.sinceProgressNanos();
    if (frames.midFrame() && stalled > frameTimeoutNanos) {
      close(ctx, "stalled for " + TimeUnit.NANOSECONDS.toMillis(stalled) + " ms in the middle of a frame ("
          + frames.progress() + " received)");
    } else if (!peer && idleTimeoutNanos > 0 && frames.betweenFrames() && now - lastTraffic > idleTimeoutNanos) {
      close(ctx, "client connection idle for " + TimeUnit.NANOSECONDS.toMillis(now - lastTraffic) + " ms");
    }
  }

  private void close(ChannelHandlerContext ctx, String reason) {
    if (check != null) check.cancel(false);
    LOG.info("node {}: closing connection from {}: {}", self, ctx.channel().remoteAddress(), reason);
    ctx.close();
  }
}
