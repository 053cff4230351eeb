package io.quorumlab.store.codec;

/** Bytes that do not decode: a truncated, oversized or unknown field. */
public final class MalformedException extends RuntimeException {
  public MalformedException(String message) {
    super(message);
  }
}
