package io.quorumlab.workloads.set;

import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.set.SetChecker;
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
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Dynamo's shopping cart: grow-only sets, one per key, judged by the set checker (acknowledged adds
 * missing from the final read, elements nobody added, adds that vanished and came back).
 *
 * <p>Ops: {@code add} (key, the element; elements are unique across the run) and {@code read} (the
 * sorted elements, null on invoke). An add is a get, the union of the siblings plus the element, and
 * a put with the get's context: in {@code siblings} mode concurrent adds become siblings that the next
 * get unions, so none is lost; in {@code lww} and {@code abd} a concurrent add between the get and
 * the put is overwritten. Reads union the siblings too. After healing, every key is read once more;
 * those final reads are what lost adds are judged against.
 */
public final class SetWorkload extends PooledWorkload {
  public static final String NAME = "set";
  static final String ADD = "add";
  static final String READ = "read";
  private static final String KEY_PREFIX = "set/";

  /** 4 carts at a time, 300 ops per cart, a quarter reads. */
  public SetWorkload() {
    this(4, 300, 0.25);
  }

  public SetWorkload(int activeKeys, int opsPerKey, double readShare) {
    super(NAME, "shopping carts: adds of unique integers through get, union of siblings, put with the context; "
            + "checked for acknowledged adds missing after healing",
        Set.of(ConflictMode.SIBLINGS, ConflictMode.LWW, ConflictMode.ABD), activeKeys, opsPerKey, readShare);
  }

  @Override
  public List<Checker> checkers() {
    return List.of(new SetChecker());
  }

  @Override
  public InvocationGenerator generator(RandomGenerator random) {
    return new SetGenerator(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  public CompletableFuture<Completion> execute(Invocation invocation, StoreClient client, RequestOptions options) {
    String storeKey = KEY_PREFIX + invocation.key();
    Object value = invocation.value();
    return switch (invocation.f()) {
      case READ -> Requests.afterRead(client.getAsync(storeKey, options), value,
          got -> Requests.done(Completion.ok(new ArrayList<>(union(got)))));
      case ADD -> Requests.afterRead(client.getAsync(storeKey, options), value, got -> {
        TreeSet<Long> elements = union(got);
        elements.add((Long) value);
        return Requests.write(client.putAsync(storeKey, TextValues.encodeList(elements), got.context(), options), value);
      });
      default -> throw new IllegalArgumentException("set workload has no op '" + invocation.f() + "'");
    };
  }

  /** @throws IllegalArgumentException when a sibling is not a list of integers */
  private static TreeSet<Long> union(GetResult got) {
    TreeSet<Long> result = new TreeSet<>();
    for (byte[] s : got.siblings()) result.addAll(TextValues.decodeList(s));
    return result;
  }
}
