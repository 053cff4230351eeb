package io.quorumlab.store.client;

/** A request that did not succeed; the subclass says whether it may have been applied. */
public abstract sealed class StoreException extends Exception
    permits IndeterminateException, UnavailableException, InvalidRequestException {
  protected StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the request may have taken effect (recorded as {@code info}). */
  public abstract boolean mayHaveApplied();
}
