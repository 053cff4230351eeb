package io.quorumlab.store.client;

/**
 * A connection to one node of the store, which coordinates every request sent through it.
 * Thread-safe; requests are pipelined over one connection.
 *
 * <p>Errors: {@link UnavailableException} means the request certainly had no effect (for example
 * the node refused it before any replica was written); {@link IndeterminateException} means it may
 * or may not have been applied (a timeout after replicas were asked). Histories record the first
 * as {@code fail} and the second as {@code info}.
 */
public interface StoreClient extends AutoCloseable {

  /** Reads every causally concurrent sibling of {@code key} and the context that covers them. */
  GetResult get(String key, RequestOptions options) throws StoreException;

  /**
   * Writes {@code value}. With the context of an earlier get it supersedes the versions that get
   * saw; with {@link Context#EMPTY} it is a blind write, concurrent with everything stored.
   */
  PutResult put(String key, byte[] value, Context context, RequestOptions options) throws StoreException;

  /** Writes a tombstone that obeys the same version rules as a put. */
  PutResult delete(String key, Context context, RequestOptions options) throws StoreException;

  @Override
  void close();
}
