package io.quorumlab.store.protocol;

/** Why a request failed, as the client must tell it apart. */
public enum ErrorKind {
  /** Malformed or impossible (W > N, value too large): nothing was attempted. */
  INVALID,
  /** Certainly not applied: too few replicas were alive, so nothing was sent; or a read failed. */
  UNAVAILABLE,
  /** May have been applied: replicas were asked to write, the quorum was not confirmed in time. */
  INDETERMINATE
}
