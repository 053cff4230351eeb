package io.quorumlab.harness.cluster.proxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.quorumlab.harness.cluster.Link;
import io.quorumlab.harness.cluster.Slowness;
import java.util.ArrayDeque;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Forwards whole frames read on one channel to its peer channel, applying the rule of the flow they
 * belong to: a cut or a random loss drops the frame, latency and a rate limit hold it back. Frames
 * keep their order: a frame is never sent before the one read ahead of it. Both channels of a
 * proxied connection share one event loop, so no state here needs a lock.
 */
final class FrameForwarder extends ChannelInboundHandlerAdapter {
  private final FlowRules rules;
  private final Link flow;
  private final SplittableRandom random = new SplittableRandom();
  private Channel peer;
  private boolean flushPending;
  /** Frames held back by latency or rate, in arrival order; each goes no earlier than its time. */
  private final ArrayDeque<Held> held = new ArrayDeque<>();
  private boolean drainScheduled;
  /** When the rate-limited "wire" is free again. */
  private long wireFreeAt;

  private record Held(ByteBuf frame, long sendAt) {}

  FrameForwarder(FlowRules rules, Link flow) {
    this.rules = rules;
    this.flow = flow;
  }

  void peer(Channel peer) {
    this.peer = peer;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ByteBuf frame = (ByteBuf) msg;
    Channel out = peer;
    if (out == null || !out.isActive()) {
      frame.release();
      return;
    }
    FlowRules.Rule rule = rules.rule(flow);
    if (rule.cut()) {
      drop(frame);
      return;
    }
    Slowness s = rule.slowness();
    if (s.loss() > 0 && random.nextDouble() < s.loss()) {
      drop(frame);
      return;
    }
    long now = System.nanoTime();
    long sendAt = now;
    if (s.delayMs() > 0 || s.jitterMs() > 0) {
      long jitter = s.jitterMs() == 0 ? 0 : random.nextLong(-s.jitterMs(), s.jitterMs() + 1);
      sendAt += TimeUnit.MILLISECONDS.toNanos(Math.max(0, s.delayMs() + jitter));
    }
    if (s.rateKbit() > 0) {
      long wireNanos = frame.readableBytes() * 8L * 1_000_000L / s.rateKbit();
      wireFreeAt = Math.max(wireFreeAt, now) + wireNanos;
      sendAt = Math.max(sendAt, wireFreeAt);
    }
    if (sendAt <= now && held.isEmpty()) {
      rules.countForwarded(flow);
      out.write(frame, out.voidPromise());
      flushPending = true;
      return;
    }
    held.addLast(new Held(frame, sendAt));
    scheduleDrain(out, now);
  }

  private void scheduleDrain(Channel out, long now) {
    if (drainScheduled || held.isEmpty()) return;
    drainScheduled = true;
    out.eventLoop().schedule(() -> drain(out), Math.max(0, held.peekFirst().sendAt() - now), TimeUnit.NANOSECONDS);
  }

  /** Sends the held frames that are due, in order; a later frame waits for every earlier one. */
  private void drain(Channel out) {
    drainScheduled = false;
    long now = System.nanoTime();
    boolean wrote = false;
    while (!held.isEmpty() && held.peekFirst().sendAt() <= now) {
      ByteBuf frame = held.pollFirst().frame();
      // A cut that began while the frame was held back drops it too.
      if (rules.rule(flow).cut() || !out.isActive()) {
        drop(frame);
        continue;
      }
      rules.countForwarded(flow);
      out.write(frame, out.voidPromise());
      wrote = true;
    }
    if (wrote) out.flush();
    scheduleDrain(out, now);
  }

  private void drop(ByteBuf frame) {
    rules.countDropped(flow);
    frame.release();
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (flushPending && peer != null) {
      flushPending = false;
      peer.flush();
    }
  }

  /** The channel we write into filled up: stop reading its peer until it drains. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (peer != null) peer.config().setAutoRead(ctx.channel().isWritable());
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    while (!held.isEmpty()) held.pollFirst().frame().release();
    closeOnFlush(peer);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A malformed frame or a reset: this connection is over, on both sides.
    ctx.close();
    closeOnFlush(peer);
  }

  static void closeOnFlush(Channel ch) {
    if (ch != null && ch.isActive()) ch.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
  }
}
