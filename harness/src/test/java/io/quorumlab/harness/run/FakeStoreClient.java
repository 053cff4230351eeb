package io.quorumlab.harness.run;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-copy store in memory for load-generator tests: every {@code indeterminateEvery}-th put
 * is applied and then reported indeterminate (as a timed-out write that landed), and each request
 * takes {@code latencyMs}.
 */
final class FakeStoreClient implements StoreClient {
  private final Map<String, byte[]> data = new ConcurrentHashMap<>();
  private final AtomicLong puts = new AtomicLong();
  private final int indeterminateEvery;
  private final long latencyMs;

  FakeStoreClient(int indeterminateEvery, long latencyMs) {
    this.indeterminateEvery = indeterminateEvery;
    this.latencyMs = latencyMs;
  }

  @Override
  public CompletableFuture<GetResult> getAsync(String key, RequestOptions options) {
    try {
      pause();
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    byte[] v = data.get(key);
    return CompletableFuture.completedFuture(new GetResult(v == null ? List.of() : List.of(v), Context.EMPTY, 1));
  }

  @Override
  public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options) {
    try {
      pause();
    } catch (StoreException e) {
      return CompletableFuture.failedFuture(e);
    }
    data.put(key, value);
    if (indeterminateEvery > 0 && puts.incrementAndGet() % indeterminateEvery == 0) {
      return CompletableFuture.failedFuture(new IndeterminateException("timed out (fake)"));
    }
    return CompletableFuture.completedFuture(new PutResult(Context.EMPTY, 1));
  }

  @Override
  public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options) {
    throw new UnsupportedOperationException();
  }

  String value(String key) {
    byte[] v = data.get(key);
    return v == null ? null : new String(v, StandardCharsets.US_ASCII);
  }

  private void pause() throws IndeterminateException {
    if (latencyMs <= 0) return;
    try {
      Thread.sleep(latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IndeterminateException("interrupted");
    }
  }

  @Override
  public void close() {}
}
