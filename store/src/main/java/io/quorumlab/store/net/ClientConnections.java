package io.quorumlab.store.net;

import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Accepted connections by id, so the node can answer a client without holding a channel. */
final class ClientConnections {
  private final AtomicLong ids = new AtomicLong();
  private final ConcurrentHashMap<Long, Channel> channels = new ConcurrentHashMap<>();

  long register(Channel channel) {
    long id = ids.incrementAndGet();
    channels.put(id, channel);
    return id;
  }

  void unregister(long id) {
    channels.remove(id);
  }

  Channel get(long id) {
    return channels.get(id);
  }

  void closeAll() {
    channels.values().forEach(Channel::close);
  }
}
