package io.quorumlab.workloads.set;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.KeyPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Adds of unique integers (one counter across all keys) to rotating carts, and reads. */
final class SetGenerator implements InvocationGenerator {
  private final Random random;
  private final KeyPool keys;
  private final double readShare;
  private long lastElement;

  SetGenerator(long seed, int activeKeys, int opsPerKey, double readShare) {
    this.random = new Random(seed);
    this.keys = new KeyPool(activeKeys, opsPerKey, random);
    this.readShare = readShare;
  }

  @Override
  public Invocation next() {
    long key = keys.pick();
    if (random.nextDouble() < readShare) return new Invocation(SetWorkload.READ, key, null);
    return new Invocation(SetWorkload.ADD, key, ++lastElement);
  }

  @Override
  public List<Invocation> finalReads() {
    List<Invocation> reads = new ArrayList<>();
    for (long key : keys.used()) reads.add(new Invocation(SetWorkload.READ, key, null));
    return reads;
  }
}
