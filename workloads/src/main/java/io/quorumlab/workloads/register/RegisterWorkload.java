package io.quorumlab.workloads.register;

import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.linear.LinearizabilityChecker;
import io.quorumlab.checkers.linear.RegisterModel;
import io.quorumlab.checkers.stale.StaleReadChecker;
import io.quorumlab.store.client.Context;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;

/**
 * Independent read/write registers, judged per key by the linearizability checker (register model)
 * and by the stale-read checker (reads that missed a write acknowledged before they began).
 *
 * <p>Ops: {@code read} (value null on invoke, the integer read or null on ok) and {@code write}
 * (the integer). Each key's writes are 1, 2, 3, ... so every read names the write it saw. Writes are
 * blind puts (empty context): in {@code lww} the newest timestamp wins, in {@code abd} the store's
 * tag protocol orders them. There is no {@code cas}: the store offers no conditional put, and
 * a get-then-put "cas" would be a client-side race, not a register operation.
 *
 * <p>A register has one value; {@code siblings} mode would hand a read several, which this model
 * cannot express, so that mode is refused in favour of the set and list-append workloads.
 */
public final class RegisterWorkload extends PooledWorkload {
  public static final String NAME = "register";
  static final String READ = "read";
  static final String WRITE = "write";
  private static final String KEY_PREFIX = "register/";

  /** 10 keys at a time, 200 ops per key, half reads. */
  public RegisterWorkload() {
    this(10, 200, 0.5);
  }

  public RegisterWorkload(int activeKeys, int opsPerKey, double readShare) {
    super(NAME, "reads and blind writes of unique integers on independent keys; checked per key for "
            + "linearizability and for stale reads (a read that missed an acknowledged write)",
        Set.of(ConflictMode.LWW, ConflictMode.ABD), activeKeys, opsPerKey, readShare);
  }

  @Override
  public Optional<String> refusal(ConflictMode mode) {
    if (mode == ConflictMode.SIBLINGS) {
      return Optional.of("the register workload needs one value per key, but siblings mode keeps concurrent "
          + "writes as several values: use --conflicts lww or abd, or the set or list-append workload, "
          + "which merge siblings");
    }
    return super.refusal(mode);
  }

  @Override
  public List<Checker> checkers() {
    // Every key is checked, not only up to the first bad one: comparison tables count bad keys.
    return List.of(new LinearizabilityChecker(RegisterModel.register()).withAllKeys(), new StaleReadChecker());
  }

  @Override
  public InvocationGenerator generator(RandomGenerator random) {
    return new RegisterGenerator(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  public CompletableFuture<Completion> execute(Invocation invocation, StoreClient client, RequestOptions options) {
    String storeKey = KEY_PREFIX + invocation.key();
    return switch (invocation.f()) {
      case READ -> Requests.afterRead(client.getAsync(storeKey, options), null, got -> Requests.done(read(got)));
      case WRITE -> {
        long value = (Long) invocation.value();
        yield Requests.write(client.putAsync(storeKey, TextValues.encodeLong(value), Context.EMPTY, options), value);
      }
      default -> throw new IllegalArgumentException("register workload has no op '" + invocation.f() + "'");
    };
  }

  /** @throws IllegalArgumentException when the stored value is not an integer */
  private static Completion read(GetResult got) {
    if (got.siblings().size() > 1) {
      // Not a register read at all; kept out of the model but visible in the history.
      return Completion.fail(null, "register read returned " + got.siblings().size() + " siblings");
    }
    if (!got.found()) return Completion.ok(null);
    return Completion.ok(TextValues.decodeLong(got.siblings().get(0)));
  }
}
