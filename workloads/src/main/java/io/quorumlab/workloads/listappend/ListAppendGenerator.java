package io.quorumlab.workloads.listappend;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.KeyPool;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** One-micro-op transactions over rotating keys; each key's appended values are 1, 2, 3, ... */
final class ListAppendGenerator implements InvocationGenerator {
  private final Random random;
  private final KeyPool keys;
  private final double readShare;
  private final Map<Long, Long> lastValue = new HashMap<>();

  ListAppendGenerator(long seed, int activeKeys, int opsPerKey, double readShare) {
    this.random = new Random(seed);
    this.keys = new KeyPool(activeKeys, opsPerKey, random);
    this.readShare = readShare;
  }

  @Override
  public Invocation next() {
    long key = keys.pick();
    if (random.nextDouble() < readShare) return read(key);
    long value = lastValue.merge(key, 1L, Long::sum);
    return txn(ListAppendWorkload.APPEND, key, value);
  }

  @Override
  public List<Invocation> finalReads() {
    List<Invocation> reads = new ArrayList<>();
    for (long key : keys.used()) reads.add(read(key));
    return reads;
  }

  static Invocation read(long key) {
    return txn(ListAppendWorkload.READ, key, null);
  }

  private static Invocation txn(String f, long key, Long value) {
    // Arrays.asList, not List.of: a read's value is null until it completes.
    return new Invocation(ListAppendWorkload.TXN, null, List.of(Arrays.asList(f, key, value)));
  }
}
