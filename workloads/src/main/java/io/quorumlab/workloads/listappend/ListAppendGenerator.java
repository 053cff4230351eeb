package io.quorumlab.workloads.listappend;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.PooledGenerator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** One-micro-op transactions over rotating keys; each key's appended values are 1, 2, 3, ... */
final class ListAppendGenerator extends PooledGenerator {
  private final Map<Long, Long> lastValue = new HashMap<>();

  ListAppendGenerator(RandomGenerator random, int activeKeys, int opsPerKey, double readShare) {
    super(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  protected Invocation read(long key) {
    return txn(ListAppendWorkload.READ, key, null);
  }

  @Override
  protected Invocation update(long key) {
    return txn(ListAppendWorkload.APPEND, key, lastValue.merge(key, 1L, Long::sum));
  }

  private static Invocation txn(String f, long key, Long value) {
    // Arrays.asList, not List.of: a read's value is null until it completes.
    return new Invocation(ListAppendWorkload.TXN, null, List.of(Arrays.asList(f, key, value)));
  }
}
