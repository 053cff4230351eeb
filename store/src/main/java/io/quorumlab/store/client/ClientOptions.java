package io.quorumlab.store.client;

/**
 * Settings of one client connection.
 *
 * @param connectTimeoutMs how long a connection attempt may take (failure: unavailable)
 * @param requestTimeoutMs how long to wait for an answer when the request sets no timeout
 * @param graceMs extra wait beyond a request's timeout, so the coordinator's own timeout answer
 *     (which says whether anything was written) arrives before the client gives up
 * @param maxFrameBytes largest frame accepted from the node
 */
public record ClientOptions(long connectTimeoutMs, long requestTimeoutMs, long graceMs, int maxFrameBytes) {
  public static final ClientOptions DEFAULTS = new ClientOptions(1000, 5000, 500, 64 << 20);

  public ClientOptions withRequestTimeoutMs(long value) {
    return new ClientOptions(connectTimeoutMs, value, graceMs, maxFrameBytes);
  }

  public ClientOptions withConnectTimeoutMs(long value) {
    return new ClientOptions(value, requestTimeoutMs, graceMs, maxFrameBytes);
  }
}
