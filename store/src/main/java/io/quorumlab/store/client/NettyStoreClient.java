package io.quorumlab.store.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.quorumlab.store.net.Addresses;
import io.quorumlab.store.net.Frames;
import io.quorumlab.store.net.IoThreads;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.Message;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link StoreClient} over one pipelined connection to one node. The connection is opened on
 * first use and again after it breaks. Thread-safe.
 *
 * <p>Outcomes: a request that never left this client (connection refused, closed before the
 * write) fails with {@link UnavailableException}. A put or delete that was sent and then got no
 * answer (timeout, connection lost) fails with {@link IndeterminateException}. A get that got no
 * answer fails with {@link UnavailableException}: reads have no effect, so nothing is uncertain.
 */
public final class NettyStoreClient implements StoreClient {
  private static final class SharedGroup {
    static final EventLoopGroup GROUP = IoThreads.group("store-client", 2);
  }

  private final InetSocketAddress address;
  private final ClientOptions options;
  private final Bootstrap bootstrap;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
  private Channel channel;
  private boolean closed;

  private NettyStoreClient(InetSocketAddress address, ClientOptions options) {
    this.address = address;
    this.options = options;
    this.bootstrap = new Bootstrap()
        .group(SharedGroup.GROUP)
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.connectTimeoutMs())
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            Frames.install(ch.pipeline(), options.maxFrameBytes());
            ch.pipeline().addLast(new Replies());
          }
        });
  }

  /** A client for the node at {@code address}; connects lazily, so this never fails. */
  public static NettyStoreClient connect(InetSocketAddress address, ClientOptions options) {
    return new NettyStoreClient(address, options);
  }

  public static NettyStoreClient connect(String host, int port) {
    return connect(new InetSocketAddress(host, port), ClientOptions.DEFAULTS);
  }

  /** {@code "host:port"}. */
  public static NettyStoreClient connect(String hostPort) {
    return connect(Addresses.parse(hostPort), ClientOptions.DEFAULTS);
  }

  public InetSocketAddress address() {
    return address;
  }

  /** Round trip to the node; returns its id. */
  public String ping() throws StoreException {
    long id = ids.incrementAndGet();
    ClientReply reply = StoreClient.await(send(new ClientRequest.Ping(id), false, options.connectTimeoutMs() + options.requestTimeoutMs()));
    if (reply instanceof ClientReply.Pong pong) {
      return pong.nodeId();
    }
    throw new UnavailableException("unexpected answer to ping: " + reply);
  }

  /**
   * Sends an admin command ({@code status}, {@code leave}, {@code repair}) to this node and returns
   * its JSON answer. A refused command throws {@link InvalidRequestException}.
   */
  public String admin(String command) throws StoreException {
    long id = ids.incrementAndGet();
    ClientReply reply = StoreClient.await(send(new ClientRequest.Admin(id, command), false, options.connectTimeoutMs() + options.requestTimeoutMs()));
    if (reply instanceof ClientReply.AdminOk ok) {
      return ok.json();
    }
    throw ClientRules.failure(reply, false);
  }

  /** This node's view of the cluster (members and their failure-detector state, hints, anti-entropy, transfers). */
  public io.quorumlab.store.admin.NodeStatus status() throws StoreException {
    return io.quorumlab.store.admin.AdminJson.status(admin("status"));
  }

  // ------------------------------------------------------------------ async API

  @Override
  public CompletableFuture<GetResult> getAsync(String key, RequestOptions opts) {
    ClientRequest.Get request = ClientRules.get(ids.incrementAndGet(), key, opts);
    return send(request, false, ClientRules.waitMs(opts, options)).thenApply(ClientRules::getResult);
  }

  @Override
  public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions opts) {
    ClientRequest.Put request = ClientRules.put(ids.incrementAndGet(), key, value, context, opts);
    return send(request, true, ClientRules.waitMs(opts, options)).thenApply(ClientRules::putResult);
  }

  @Override
  public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions opts) {
    return putAsync(key, null, context, opts);
  }

  private CompletableFuture<ClientReply> send(ClientRequest request, boolean write, long waitMs) {
    CompletableFuture<ClientReply> result = new CompletableFuture<>();
    Channel ch;
    try {
      ch = channel();
    } catch (UnavailableException e) {
      result.completeExceptionally(e);
      return result;
    }
    pending.put(request.id(), new Pending(ch, result));
    ch.writeAndFlush(request).addListener(done -> {
      if (!done.isSuccess() && pending.remove(request.id()) != null) {
        // The frame did not leave this client whole, so the node cannot have decoded it.
        result.completeExceptionally(new UnavailableException("could not send to " + Addresses.format(address) + ": " + done.cause(), done.cause()));
      }
    });
    return result.orTimeout(waitMs, TimeUnit.MILLISECONDS).exceptionallyCompose(t -> {
      pending.remove(request.id());
      Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
      if (cause instanceof TimeoutException) {
        cause = ClientRules.noAnswer(request, write, "no answer from " + Addresses.format(address) + " within " + waitMs + " ms");
      } else if (cause instanceof ConnectionLost lost) {
        cause = ClientRules.noAnswer(request, write, lost.getMessage());
      }
      return CompletableFuture.failedFuture(cause);
    });
  }

  private synchronized Channel channel() throws UnavailableException {
    if (closed) {
      throw new UnavailableException("client for " + Addresses.format(address) + " is closed");
    }
    if (channel != null && channel.isActive()) {
      return channel;
    }
    ChannelFuture f = bootstrap.connect(address);
    if (!f.awaitUninterruptibly(options.connectTimeoutMs() + 100) || !f.isSuccess()) {
      f.channel().close();
      Throwable cause = f.cause();
      throw new UnavailableException("cannot connect to " + Addresses.format(address) + ": "
          + (cause == null ? "timed out" : cause.getMessage()), cause);
    }
    Channel ch = f.channel();
    ch.closeFuture().addListener(x -> onClosed(ch));
    channel = ch;
    return ch;
  }

  /** Requests still waiting on a closed connection: sent, never answered. */
  private void onClosed(Channel ch) {
    for (Map.Entry<Long, Pending> e : pending.entrySet()) {
      Pending p = e.getValue();
      if (p.channel() == ch && pending.remove(e.getKey(), p)) {
        p.future().completeExceptionally(new ConnectionLost(Addresses.format(address)));
      }
    }
  }

  private record Pending(Channel channel, CompletableFuture<ClientReply> future) {}

  @Override
  public void close() {
    Channel ch;
    synchronized (this) {
      closed = true;
      ch = channel;
      channel = null;
    }
    if (ch != null) {
      ch.close().syncUninterruptibly();
    }
  }

  /** Marker cause, mapped per request kind in {@link #send}. */
  private static final class ConnectionLost extends RuntimeException {
    ConnectionLost(String address) {
      super("connection to " + address + " lost before the answer");
    }
  }

  private final class Replies extends SimpleChannelInboundHandler<Message> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Message msg) {
      if (msg instanceof ClientReply reply) {
        Pending p = pending.remove(reply.id());
        if (p != null) {
          p.future().complete(reply);
        }
      } else {
        ctx.close();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
