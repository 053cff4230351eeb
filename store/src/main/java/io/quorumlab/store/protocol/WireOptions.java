package io.quorumlab.store.protocol;

import io.quorumlab.store.config.Quorum;

/**
 * A request's overrides as they travel: 0 / null mean "the cluster's default".
 *
 * @param timeoutMs the coordinator gives up after min(its own timeout, this)
 */
public record WireOptions(int w, int r, Quorum quorum, long timeoutMs) {
  public static final WireOptions DEFAULTS = new WireOptions(0, 0, null, 0);
}
