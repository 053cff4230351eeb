package io.quorumlab.store.client;

/** The request may or may not have been applied: a timeout or a lost connection after sending. */
public final class IndeterminateException extends StoreException {
  public IndeterminateException(String message, Throwable cause) {
    super(message, cause);
  }

  public IndeterminateException(String message) {
    this(message, null);
  }

  @Override
  public boolean mayHaveApplied() {
    return true;
  }
}
