package io.quorumlab.store.net;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.ReferenceCountUtil;
import io.quorumlab.store.protocol.PeerMessage;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's connection to one peer, at the address the config gives for it (a proxy, under the
 * harness). Reconnects after any failure with a capped backoff. Messages sent while the link is
 * down are dropped, as a network would; only during a connection attempt that has not failed yet
 * are a bounded number held back, so that a freshly started cluster does not lose its first
 * requests.
 */
final class PeerLink {
  private static final Logger LOG = LoggerFactory.getLogger(PeerLink.class);
  private static final int MAX_PENDING = 4096;
  private static final long MIN_BACKOFF_MS = 50;
  private static final long MAX_BACKOFF_MS = 500;
  static final int HIGH_WATER_MARK = 8 << 20;
  static final int LOW_WATER_MARK = 1 << 20;

  enum State { CONNECTING, UP, DOWN }

  private final String self;
  private final PeerMessage.Hello hello;
  private final String peer;
  private final InetSocketAddress address;
  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final ArrayDeque<PeerMessage> pending = new ArrayDeque<>();
  private State state = State.CONNECTING;
  private Channel channel;
  private long backoffMs = MIN_BACKOFF_MS;
  private boolean closed;
  private long dropped;

  PeerLink(PeerMessage.Hello hello, String peer, InetSocketAddress address, EventLoopGroup group, int maxFrameBytes,
      InboundBudget budget) {
    this.self = hello.nodeId();
    this.hello = hello;
    this.peer = peer;
    this.address = address;
    this.group = group;
    this.bootstrap = new Bootstrap()
        .group(group)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 1000)
        .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(LOW_WATER_MARK, HIGH_WATER_MARK))
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Frames.install(ch.pipeline(), maxFrameBytes, budget);
            ch.pipeline().addLast(new OutboundOnly());
          }
        });
  }

  void start() {
    connect();
  }

  private void connect() {
    synchronized (this) {
      if (closed) {
        return;
      }
    }
    ChannelFuture f = bootstrap.connect(address);
    f.addListener(done -> {
      if (done.isSuccess()) {
        onConnected(f.channel());
      } else {
        onFailed("connect to " + address + " failed: " + done.cause().getMessage());
      }
    });
  }

  private void onConnected(Channel ch) {
    synchronized (this) {
      if (closed) {
        ch.close();
        return;
      }
      channel = ch;
      ch.write(hello);
      PeerMessage m;
      while ((m = pending.poll()) != null) {
        ch.write(m);
      }
      ch.flush();
      if (state != State.UP) {
        LOG.info("node {}: link to {} at {} is up", self, peer, address);
      }
      state = State.UP;
      backoffMs = MIN_BACKOFF_MS;
    }
    ch.closeFuture().addListener(x -> onFailed("connection to " + address + " closed"));
  }

  private void onFailed(String reason) {
    long delay;
    synchronized (this) {
      if (state == State.UP) {
        LOG.info("node {}: link to {} is down: {}", self, peer, reason);
      }
      state = State.DOWN;
      channel = null;
      pending.clear();
      if (closed) {
        return;
      }
      delay = backoffMs;
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    }
    group.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
  }

  synchronized void send(PeerMessage message) {
    if (state == State.UP && channel != null) {
      if (channel.isWritable()) {
        channel.writeAndFlush(message);
      } else {
        dropped++;
      }
    } else if (state == State.CONNECTING && pending.size() < MAX_PENDING) {
      pending.add(message);
    } else {
      dropped++;
    }
  }

  /**
   * Room for {@code bytes} of bulk traffic: the backlog would stay under half the high-water mark,
   * leaving the other half for ordinary messages. A link that is not up says yes (what is sent
   * then is held while connecting, or dropped like on a network).
   */
  synchronized boolean hasRoomFor(int bytes) {
    if (state != State.UP || channel == null) {
      return true;
    }
    return channel.bytesBeforeUnwritable() - bytes >= HIGH_WATER_MARK / 2;
  }

  synchronized State state() {
    return state;
  }

  synchronized long dropped() {
    return dropped;
  }

  void close() {
    Channel ch;
    synchronized (this) {
      closed = true;
      ch = channel;
      pending.clear();
    }
    if (ch != null) {
      ch.close().syncUninterruptibly();
    }
  }

  /** Peers never send on this connection (they answer over their own link); ignore and log anything. */
  private final class OutboundOnly extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      LOG.debug("node {}: ignoring {} from {} on the outbound link", self, msg.getClass().getSimpleName(), peer);
      ReferenceCountUtil.release(msg);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("node {}: link to {} failed: {}", self, peer, cause.toString());
      ctx.close();
    }
  }
}
