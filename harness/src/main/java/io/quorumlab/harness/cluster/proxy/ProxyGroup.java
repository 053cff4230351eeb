package io.quorumlab.harness.cluster.proxy;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.quorumlab.harness.cluster.Link;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One frame proxy per directed link of a cluster, all on one small event loop group (the proxies
 * carry only node-to-node traffic, which is light next to the nodes' own work on 2 cores).
 */
public final class ProxyGroup implements AutoCloseable {
  private final EventLoopGroup group;
  private final FlowRules rules = new FlowRules();
  private final Map<Link, FrameProxy> proxies = new LinkedHashMap<>();

  /**
   * @param target where a node listens now, asked at every new connection
   */
  public ProxyGroup(List<String> nodes, Function<String, InetSocketAddress> target) throws InterruptedException {
    group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("quorumlab-proxy", true), NioIoHandler.newFactory());
    try {
      for (Link link : Link.all(nodes)) {
        proxies.put(link, new FrameProxy(group, link, rules, () -> target.apply(link.to())));
      }
    } catch (InterruptedException | RuntimeException e) {
      close();
      throw e;
    }
  }

  public FlowRules rules() {
    return rules;
  }

  /** The port at which {@code link.from()} reaches {@code link.to()}. */
  public int port(Link link) {
    return proxies.get(link).port();
  }

  /** Closes every proxied connection to or from {@code node} (it was killed: its peers notice). */
  public void disconnect(String node) {
    proxies.forEach((link, p) -> {
      if (link.from().equals(node) || link.to().equals(node)) p.disconnectAll();
    });
  }

  @Override
  public void close() {
    proxies.values().forEach(FrameProxy::close);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(2, TimeUnit.SECONDS);
  }
}
