package io.quorumlab.store.client;

/** The node rejected the request as malformed or impossible (W > N, value too large, ...). */
public final class InvalidRequestException extends StoreException {
  public InvalidRequestException(String message) {
    super(message, null);
  }

  @Override
  public boolean mayHaveApplied() {
    return false;
  }
}
