package io.quorumlab.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.quorumlab.store.net.IoThreads;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Pipelined request/response over one connection, as the store client does, with no work on the server. */
final class EchoClient implements AutoCloseable {
  private final EventLoopGroup group = IoThreads.group("echo-client", 2);
  private final Channel channel;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

  EchoClient(int port) throws InterruptedException {
    channel = new Bootstrap().group(group).channel(NioSocketChannel.class).option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4), new LengthFieldPrepender(4),
                new SimpleChannelInboundHandler<ByteBuf>() {
                  @Override
                  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
                    CompletableFuture<Void> f = pending.remove(frame.getLong(0));
                    if (f != null) {
                      f.complete(null);
                    }
                  }
                });
          }
        }).connect("127.0.0.1", port).sync().channel();
  }

  /** One round trip of a frame about the size of a small get request. */
  void roundTrip() throws Exception {
    long id = ids.incrementAndGet();
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.put(id, f);
    ByteBuf payload = Unpooled.buffer(40).writeLong(id).writeZero(32);
    channel.writeAndFlush(payload);
    f.get();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully();
  }
}
