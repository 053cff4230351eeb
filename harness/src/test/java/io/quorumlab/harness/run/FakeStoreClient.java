package io.quorumlab.harness.run;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.IndeterminateException;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A single-copy store in memory for load-generator tests: every {@code indeterminateEvery}-th put
 * is applied and then reported indeterminate (as a timed-out write that landed), and each request
 * answers {@code latencyMs} later, from another thread (as a network client does) or from a
 * virtual loop's timer.
 */
final class FakeStoreClient implements StoreClient {
  /** Runs a task after a delay. */
  interface Delay {
    void after(long nanos, Runnable task);
  }

  private static final ScheduledExecutorService IO = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "fake-store-io");
    t.setDaemon(true);
    return t;
  });

  private final Map<String, byte[]> data = new ConcurrentHashMap<>();
  private final AtomicLong puts = new AtomicLong();
  private final int indeterminateEvery;
  private final long latencyNanos;
  private final Delay delay;

  /** Answers from an I/O thread of its own. */
  FakeStoreClient(int indeterminateEvery, long latencyMs) {
    this(indeterminateEvery, latencyMs, (nanos, task) -> IO.schedule(task, nanos, TimeUnit.NANOSECONDS));
  }

  FakeStoreClient(int indeterminateEvery, long latencyMs, Delay delay) {
    this.indeterminateEvery = indeterminateEvery;
    this.latencyNanos = TimeUnit.MILLISECONDS.toNanos(latencyMs);
    this.delay = delay;
  }

  @Override
  public CompletableFuture<GetResult> getAsync(String key, RequestOptions options) {
    return later(() -> {
      byte[] v = data.get(key);
      return new GetResult(v == null ? List.of() : List.of(v), Context.EMPTY, 1);
    });
  }

  @Override
  public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options) {
    return later(() -> {
      data.put(key, value);
      if (indeterminateEvery > 0 && puts.incrementAndGet() % indeterminateEvery == 0) {
        throw new java.util.concurrent.CompletionException(new IndeterminateException("timed out (fake)"));
      }
      return new PutResult(Context.EMPTY, 1);
    });
  }

  @Override
  public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options) {
    throw new UnsupportedOperationException();
  }

  String value(String key) {
    byte[] v = data.get(key);
    return v == null ? null : new String(v, StandardCharsets.US_ASCII);
  }

  private <T> CompletableFuture<T> later(Supplier<T> answer) {
    CompletableFuture<T> f = new CompletableFuture<>();
    delay.after(latencyNanos, () -> {
      try {
        f.complete(answer.get());
      } catch (java.util.concurrent.CompletionException e) {
        f.completeExceptionally(e.getCause());
      }
    });
    return f;
  }

  @Override
  public void close() {}
}
