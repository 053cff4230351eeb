package io.quorumlab.store.client;

/** The request certainly had no effect: the node could not be reached, or refused before writing. */
public final class UnavailableException extends StoreException {
  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public UnavailableException(String message) {
    this(message, null);
  }

  @Override
  public boolean mayHaveApplied() {
    return false;
  }
}
