package io.quorumlab.workloads.listappend;

import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.ElleAnalyzer;
import io.quorumlab.checkers.elle.ElleChecker;
import io.quorumlab.checkers.elle.ElleOptions;
import io.quorumlab.store.client.GetResult;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreClient;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.PooledWorkload;
import io.quorumlab.workloads.Requests;
import io.quorumlab.workloads.TextValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Elle's list-append workload with transactions of exactly one micro-op, judged by the Elle
 * list-append checker at strict-serializable.
 *
 * <p>Ops are {@code f = "txn"} with value {@code [["append", k, v]]} or {@code [["r", k, list]]}
 * (the list is null on invoke). A read is one get; the siblings it returns are merged by
 * {@link SiblingMerge} into the list recorded. An append is a get, the merge, then a put of the list
 * plus the new element with the get's context, so the put supersedes every version the get saw.
 * The two requests are not atomic: in every mode a concurrent append between them can be lost or
 * reordered, which is what Elle finds. Each key's appended values are 1, 2, 3, ... (Elle needs them
 * unique per key).
 */
public final class ListAppendWorkload extends PooledWorkload {
  public static final String NAME = "list-append";
  static final String TXN = "txn";
  static final String APPEND = "append";
  static final String READ = "r";
  private static final String KEY_PREFIX = "list/";

  /** 8 keys at a time, 100 ops per key, half reads. */
  public ListAppendWorkload() {
    this(8, 100, 0.5);
  }

  public ListAppendWorkload(int activeKeys, int opsPerKey, double readShare) {
    super(NAME, "one-operation transactions appending unique integers to lists and reading them (get, merge "
            + "siblings, put with the context); checked by Elle at strict-serializable",
        Set.of(ConflictMode.SIBLINGS, ConflictMode.LWW, ConflictMode.ABD), activeKeys, opsPerKey, readShare);
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new ElleChecker(ElleAnalyzer.LIST_APPEND, ElleOptions.defaults().withConsistencyModels(List.of("strict-serializable"))));
  }

  @Override
  public InvocationGenerator generator(RandomGenerator random) {
    return new ListAppendGenerator(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  public CompletableFuture<Completion> execute(Invocation invocation, StoreClient client, RequestOptions options) {
    List<?> mop = (List<?>) ((List<?>) invocation.value()).get(0);
    String f = (String) mop.get(0);
    long key = ((Number) mop.get(1)).longValue();
    String storeKey = KEY_PREFIX + key;
    Object value = invocation.value();
    return switch (f) {
      case READ -> Requests.afterRead(client.getAsync(storeKey, options), value,
          got -> Requests.done(Completion.ok(List.of(Arrays.asList(READ, key, merged(got))))));
      case APPEND -> Requests.afterRead(client.getAsync(storeKey, options), value, got -> {
        List<Long> list = merged(got);
        list.add(((Number) mop.get(2)).longValue());
        return Requests.write(client.putAsync(storeKey, TextValues.encodeList(list), got.context(), options), value);
      });
      default -> throw new IllegalArgumentException("list-append workload has no micro-op '" + f + "'");
    };
  }

  /** @throws IllegalArgumentException when a sibling is not a list of integers */
  private static List<Long> merged(GetResult got) {
    List<List<Long>> siblings = new ArrayList<>();
    for (byte[] s : got.siblings()) siblings.add(TextValues.decodeList(s));
    return SiblingMerge.merge(siblings);
  }
}
