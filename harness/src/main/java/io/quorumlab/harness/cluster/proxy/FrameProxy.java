package io.quorumlab.harness.cluster.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.quorumlab.harness.cluster.Link;
import java.net.InetSocketAddress;
import java.util.function.Supplier;

/**
 * The TCP proxy of one directed link {@code from -> to}: node {@code from} connects here when it
 * wants to reach {@code to}, and the proxy connects on to {@code to}'s real port. Frames (a 4-byte
 * big-endian length and that many bytes) are forwarded whole, each direction under the rule of its
 * own flow: requests under {@code from -> to}, answers under {@code to -> from}. So a grudge
 * "b cannot hear from a" drops what a sends on a's connections to b and on b's connections to a.
 */
public final class FrameProxy implements AutoCloseable {
  /** Larger than any frame a node accepts: the proxy must not impose its own limit. */
  private static final int MAX_FRAME = 1 << 30;

  private final Link link;
  private final Channel server;
  private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

  /**
   * Listens on 127.0.0.1 at a port the OS picks.
   *
   * @param target where {@code to} listens now (asked at every new connection, so a node that
   *     restarts on another port is found)
   */
  public FrameProxy(EventLoopGroup group, Link link, FlowRules rules, Supplier<InetSocketAddress> target)
      throws InterruptedException {
    this.link = link;
    Link reverse = new Link(link.to(), link.from());
    ServerBootstrap b = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .childOption(ChannelOption.AUTO_READ, false)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel inbound) {
            connections.add(inbound);
            FrameForwarder up = new FrameForwarder(rules, link);
            inbound.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 0), up);
            inbound.pipeline().addFirst(new ChannelInboundHandlerAdapter() {
              @Override
              public void channelActive(ChannelHandlerContext ctx) {
                connectOnward(inbound, up, new FrameForwarder(rules, reverse), target.get());
                ctx.fireChannelActive();
              }
            });
          }
        });
    server = b.bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  private void connectOnward(Channel inbound, FrameForwarder up, FrameForwarder down, InetSocketAddress target) {
    Bootstrap b = new Bootstrap()
        .group(inbound.eventLoop())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.AUTO_READ, false)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2000)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel outbound) {
            connections.add(outbound);
            outbound.pipeline().addLast(new LengthFieldBasedFrameDecoder(MAX_FRAME, 0, 4, 0, 0), down);
          }
        });
    ChannelFuture f = b.connect(target);
    f.addListener(done -> {
      if (!done.isSuccess()) {
        // The target is down: the caller sees its connection close, as with a refused connect.
        inbound.close();
        return;
      }
      Channel outbound = f.channel();
      up.peer(outbound);
      down.peer(inbound);
      if (!inbound.isActive()) {
        outbound.close();
        return;
      }
      inbound.config().setAutoRead(true);
      outbound.config().setAutoRead(true);
    });
  }

  public Link link() {
    return link;
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** Closes every connection through this proxy (the listening port stays). */
  public void disconnectAll() {
    connections.close().awaitUninterruptibly();
  }

  @Override
  public void close() {
    server.close().awaitUninterruptibly();
    disconnectAll();
  }
}
