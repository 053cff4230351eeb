package io.quorumlab.store.net;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Netty event loop groups with named daemon threads. */
public final class IoThreads {
  private IoThreads() {}

  public static EventLoopGroup group(String name, int threads) {
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), NioIoHandler.newFactory());
  }
}
