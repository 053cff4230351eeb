package io.quorumlab.store.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.quorumlab.store.config.NodeConfig;
import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.node.Liveness;
import io.quorumlab.store.node.Transport;
import io.quorumlab.store.protocol.ClientReply;
import io.quorumlab.store.protocol.PeerMessage;
import java.net.InetSocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The node's network: one listening socket for clients and peers, and one outbound {@link PeerLink}
 * per other member. Its link states double as the node's liveness view until a failure detector
 * replaces it: a peer counts as down while its link is down.
 */
public final class NettyTransport implements Transport, Liveness, AutoCloseable {
  private final String self;
  private final int maxFrameBytes;
  private final ClusterIdentity cluster;
  private final InboundBudget budget;
  private final long frameTimeoutMs;
  private final long clientIdleTimeoutMs;
  private final EventLoopGroup group;
  private final Map<String, PeerLink> links = new ConcurrentHashMap<>();
  private final ClientConnections connections = new ClientConnections();
  private final InboundSink sink;
  private final Set<String> members;
  private volatile Channel server;
  private boolean closed;

  /** The transport of node {@code config.nodeId()}, with the config's limits, members and cluster identity. */
  public NettyTransport(NodeConfig config, EventLoopGroup group, InboundSink sink) {
    this.self = config.nodeId();
    this.maxFrameBytes = config.maxFrameBytes();
    this.cluster = ClusterIdentity.of(config);
    this.budget = new InboundBudget(config.maxInboundBytes(), config.maxFrameBytes());
    this.frameTimeoutMs = config.frameTimeoutMs();
    this.clientIdleTimeoutMs = config.clientIdleTimeoutMs();
    this.group = group;
    this.sink = sink;
    this.members = ConcurrentHashMap.newKeySet();
    this.members.addAll(config.members().keySet());
    config.members().forEach((node, address) -> {
      if (!node.equals(self)) {
        links.put(node, newLink(node, Addresses.parse(address)));
      }
    });
  }

  private PeerLink newLink(String node, InetSocketAddress address) {
    return new PeerLink(cluster.hello(self), node, address, group, maxFrameBytes, budget);
  }

  /** Binds the listening socket (port 0 picks a free port) and starts connecting to peers. */
  public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
    server = new ServerBootstrap()
        .group(group)
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            FrameDecoder frames = new FrameDecoder(maxFrameBytes, budget);
            ConnectionTimeouts timeouts = new ConnectionTimeouts(self, frames, frameTimeoutMs, clientIdleTimeoutMs);
            ch.pipeline().addLast("timeouts", timeouts);
            ch.pipeline().addLast("frames", frames);
            ch.pipeline().addLast("encoder", new MessageEncoder(maxFrameBytes));
            ch.pipeline().addLast(new InboundHandler(self, members, sink, connections, cluster, timeouts));
          }
        })
        .bind(host, port).sync().channel();
    links.values().forEach(PeerLink::start);
    return (InetSocketAddress) server.localAddress();
  }

  @Override
  public void send(String node, PeerMessage message) {
    PeerLink link = links.get(node);
    if (link != null) {
      link.send(message);
    }
  }

  @Override
  public void reply(ClientRef client, ClientReply reply) {
    Channel ch = connections.get(client.connection());
    if (ch != null) {
      ch.writeAndFlush(reply);
    }
  }

  /** Opens a link to a member learnt through gossip; a member with a link (from the config) keeps it. */
  @Override
  public synchronized void learnAddress(String node, String address) {
    if (closed || node.equals(self) || links.containsKey(node)) {
      return;
    }
    PeerLink link;
    try {
      link = newLink(node, Addresses.parse(address));
    } catch (IllegalArgumentException e) {
      org.slf4j.LoggerFactory.getLogger(NettyTransport.class).warn("node {}: ignoring address of {}: {}", self, node, e.getMessage());
      return;
    }
    links.put(node, link);
    members.add(node);
    if (server != null) {
      link.start();
    }
  }

  @Override
  public boolean hasRoomFor(String node, int bytes) {
    PeerLink link = links.get(node);
    return link == null || link.hasRoomFor(bytes);
  }

  /** Whether this transport has a link to {@code node} (from the config or learnt). */
  public boolean knows(String node) {
    return links.containsKey(node);
  }

  @Override
  public boolean isAlive(String node) {
    PeerLink link = links.get(node);
    return link == null ? node.equals(self) : link.state() != PeerLink.State.DOWN;
  }

  /** Peers whose outbound link is connected right now. */
  public List<String> connectedPeers() {
    return links.entrySet().stream().filter(e -> e.getValue().state() == PeerLink.State.UP).map(Map.Entry::getKey).sorted().toList();
  }

  public int peerCount() {
    return links.size();
  }

  /** Bytes of unfinished inbound frames held right now (all connections). */
  public long inboundBytes() {
    return budget.used();
  }

  @Override
  public void close() {
    synchronized (this) {
      closed = true;
    }
    if (server != null) {
      server.close().syncUninterruptibly();
    }
    links.values().forEach(PeerLink::close);
    connections.closeAll();
  }
}
