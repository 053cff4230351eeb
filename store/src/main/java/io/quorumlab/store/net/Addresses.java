package io.quorumlab.store.net;

import java.net.InetSocketAddress;

/** "host:port" strings, as configs and the CLI write them. */
public final class Addresses {
  private Addresses() {}

  public static InetSocketAddress parse(String hostPort) {
    int colon = hostPort == null ? -1 : hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("address '" + hostPort + "' is not host:port");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("address '" + hostPort + "' has no numeric port");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("address '" + hostPort + "' has port out of range");
    }
    return new InetSocketAddress(host, port);
  }

  public static String format(InetSocketAddress address) {
    return address.getHostString() + ":" + address.getPort();
  }
}
