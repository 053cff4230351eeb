package io.quorumlab.workloads;

import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.PutResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.client.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client for workload tests: gets return the siblings a test set up; puts are recorded; either
 * can be made to throw.
 */
public final class ScriptedClient implements StoreClient {
  public record Put(String key, String value, Context context) {}

  private final Map<String, List<byte[]>> siblings = new HashMap<>();
  public final List<Put> puts = new ArrayList<>();
  public StoreException getError;
  public StoreException putError;

  public ScriptedClient siblings(String key, String... values) {
    List<byte[]> list = new ArrayList<>();
    for (String v : values) list.add(v.getBytes(StandardCharsets.US_ASCII));
    siblings.put(key, list);
    return this;
  }

  @Override
  public CompletableFuture<GetResult> getAsync(String key, RequestOptions options) {
    if (getError != null) return CompletableFuture.failedFuture(getError);
    return CompletableFuture.completedFuture(
        new GetResult(siblings.getOrDefault(key, List.of()), new Context(key.getBytes(StandardCharsets.US_ASCII)), 1));
  }

  @Override
  public CompletableFuture<PutResult> putAsync(String key, byte[] value, Context context, RequestOptions options) {
    if (putError != null) return CompletableFuture.failedFuture(putError);
    puts.add(new Put(key, new String(value, StandardCharsets.US_ASCII), context));
    return CompletableFuture.completedFuture(new PutResult(context, 1));
  }

  @Override
  public CompletableFuture<PutResult> deleteAsync(String key, Context context, RequestOptions options) {
    throw new UnsupportedOperationException("workloads never delete");
  }

  @Override
  public void close() {}
}
