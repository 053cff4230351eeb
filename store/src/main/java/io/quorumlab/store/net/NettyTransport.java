package io.quorumlab.store.net;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
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
  private final EventLoopGroup group;
  private final Map<String, PeerLink> links = new ConcurrentHashMap<>();
  private final ClientConnections connections = new ClientConnections();
  private final InboundSink sink;
  private final Set<String> members;
  private volatile Channel server;
  private boolean closed;

  public NettyTransport(String self, Map<String, String> members, int maxFrameBytes, EventLoopGroup group, InboundSink sink) {
    this.self = self;
    this.maxFrameBytes = maxFrameBytes;
    this.group = group;
    this.sink = sink;
    this.members = ConcurrentHashMap.newKeySet();
    this.members.addAll(members.keySet());
    members.forEach((node, address) -> {
      if (!node.equals(self)) {
        links.put(node, new PeerLink(self, node, Addresses.parse(address), group, maxFrameBytes));
      }
    });
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
            Frames.install(ch.pipeline(), maxFrameBytes);
            ch.pipeline().addLast(new InboundHandler(self, members, sink, connections));
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
      link = new PeerLink(self, node, Addresses.parse(address), group, maxFrameBytes);
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
