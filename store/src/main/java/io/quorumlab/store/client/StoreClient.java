package io.quorumlab.store.client;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A connection to one node of the store, which coordinates every request sent through it.
 * Asynchronous first, so that one event loop (a simulator's, or the harness's) can drive many
 * clients; the blocking calls wait for the asynchronous ones. Thread-safe; requests are pipelined.
 *
 * <p>Errors: a future completes exceptionally with a {@link StoreException}.
 * {@link UnavailableException} means the request certainly had no effect (for example the node
 * refused it before any replica was written); {@link IndeterminateException} means it may or may
 * not have been applied (a timeout after replicas were asked). Histories record the first as
 * {@code fail} and the second as {@code info}.
 */
public interface StoreClient extends AutoCloseable {

  /** Reads every causally concurrent sibling of {@code key} and the context that covers them. */
  CompletableFuture<GetResult> getAsync(String key, RequestOptions options);

  /**
   * Writes {@code value}. With the context of an earlier get it supersedes the versions that get
   * saw; with {@link Context#EMPTY} it is a blind write, concurrent with everything stored.
   */
  CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options);

  /** Writes a tombstone that obeys the same version rules as a put. */
  CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options);

  default GetResult get(String key, RequestOptions options) throws StoreException {
    return await(getAsync(key, options));
  }

  default PutResult put(String key, byte[] value, Context context, RequestOptions options) throws StoreException {
    if (value == null) throw new InvalidRequestException("a put needs a value (use delete for a tombstone)");
    return await(putAsync(key, value, context, options));
  }

  default PutResult delete(String key, Context context, RequestOptions options) throws StoreException {
    return await(deleteAsync(key, context, options));
  }

  @Override
  void close();

  /** Waits for {@code f}, unwrapping the {@link StoreException} it failed with. */
  static <T> T await(CompletableFuture<T> f) throws StoreException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndeterminateException("interrupted while waiting for the store");
    } catch (ExecutionException | CompletionException e) {
      throw unwrap(e.getCause());
    } catch (CancellationException e) {
      throw new IndeterminateException("request cancelled");
    }
  }

  /** The {@link StoreException} behind a future's failure; anything else is a bug and is rethrown. */
  static StoreException unwrap(Throwable t) {
    while (t instanceof CompletionException || t instanceof ExecutionException) {
      if (t.getCause() == null) break;
      t = t.getCause();
    }
    if (t instanceof StoreException se) return se;
    if (t instanceof RuntimeException re) throw re;
    if (t instanceof Error err) throw err;
    throw new IllegalStateException(t);
  }
}
