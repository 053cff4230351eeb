package io.quorumlab.store.client;

import io.quorumlab.store.config.Quorum;

/**
 * Per-request overrides; null fields take the cluster's defaults.
 *
 * @param w write quorum
 * @param r read quorum
 * @param quorum strict or sloppy
 * @param timeoutMs how long the client waits for the coordinator's answer
 */
public record RequestOptions(Integer w, Integer r, Quorum quorum, Long timeoutMs) {
  public static final RequestOptions DEFAULTS = new RequestOptions(null, null, null, null);

  public RequestOptions withW(int value) {
    return new RequestOptions(value, r, quorum, timeoutMs);
  }

  public RequestOptions withR(int value) {
    return new RequestOptions(w, value, quorum, timeoutMs);
  }

  public RequestOptions withQuorum(Quorum value) {
    return new RequestOptions(w, r, value, timeoutMs);
  }

  public RequestOptions withTimeoutMs(long value) {
    return new RequestOptions(w, r, quorum, value);
  }
}
