package io.quorumlab.store.storage;

/** The storage engine failed; the write it was asked for must not be acknowledged. */
public class StorageException extends RuntimeException {
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
