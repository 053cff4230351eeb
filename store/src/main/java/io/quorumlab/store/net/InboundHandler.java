package io.quorumlab.store.net;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.quorumlab.store.node.ClientRef;
import io.quorumlab.store.protocol.ClientRequest;
import io.quorumlab.store.protocol.PeerMessage;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted connection. It carries client requests (answered on the same connection) or, after
 * a {@link PeerMessage.Hello} from a node of this cluster, one peer's messages to this node.
 * Anything else, a hello from outside the cluster, or a frame that does not decode, closes this
 * connection only.
 */
final class InboundHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

  private final String self;
  private final Set<String> members;
  private final InboundSink sink;
  private final ClientConnections connections;
  private final ClusterIdentity cluster;
  private final ConnectionTimeouts timeouts;
  private long connectionId;
  private String peer;

  InboundHandler(String self, Set<String> members, InboundSink sink, ClientConnections connections, ClusterIdentity cluster,
      ConnectionTimeouts timeouts) {
    this.self = self;
    this.members = members;
    this.sink = sink;
    this.connections = connections;
    this.cluster = cluster;
    this.timeouts = timeouts;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    connectionId = connections.register(ctx.channel());
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    connections.unregister(connectionId);
    super.channelInactive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof ClientRequest request) {
      sink.onClientRequest(new ClientRef(connectionId), request);
    } else if (msg instanceof PeerMessage.Hello hello) {
      // A node this one has not heard of yet is accepted: a joining node introduces itself to
      // the seeds over exactly such a connection, before gossip has told anyone its address.
      if (hello.nodeId().isBlank() || hello.nodeId().equals(self)) {
        closeFor(ctx, "hello from '" + hello.nodeId() + "', which cannot be a peer");
        return;
      }
      Optional<String> refusal = cluster.refusal(hello);
      if (refusal.isPresent()) {
        closeFor(ctx, refusal.get());
        return;
      }
      if (!members.contains(hello.nodeId())) {
        LOG.debug("node {}: connection from {}, not (yet) a known member", self, hello.nodeId());
      }
      peer = hello.nodeId();
      timeouts.markPeer();
    } else if (msg instanceof PeerMessage m) {
      if (peer == null) {
        closeFor(ctx, m.getClass().getSimpleName() + " before hello");
        return;
      }
      sink.onPeerMessage(peer, m);
    } else {
      closeFor(ctx, "unexpected " + msg.getClass().getSimpleName() + " on an inbound connection");
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException) {
      closeFor(ctx, "oversized frame (limit maxFrameBytes + 4-byte header): " + cause.getMessage());
    } else if (cause instanceof DecoderException) {
      closeFor(ctx, cause.getCause() != null && cause.getMessage() == null ? cause.getCause().toString() : cause.getMessage());
    } else if (cause instanceof IOException) {
      LOG.debug("node {}: connection {} failed: {}", self, ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    } else {
      LOG.warn("node {}: closing connection from {}: {}", self, ctx.channel().remoteAddress(), cause.toString());
      ctx.close();
    }
  }

  private void closeFor(ChannelHandlerContext ctx, String reason) {
    LOG.warn("node {}: closing connection from {}{}: {}", self, ctx.channel().remoteAddress(),
        peer == null ? "" : " (peer " + peer + ")", reason);
    ctx.close();
  }
}
