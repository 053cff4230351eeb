package io.quorumlab.workloads.set;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.PooledGenerator;
import java.util.random.RandomGenerator;

/** Adds of unique integers (one counter across all keys) to rotating carts, and reads. */
final class SetGenerator extends PooledGenerator {
  private long lastElement;

  SetGenerator(RandomGenerator random, int activeKeys, int opsPerKey, double readShare) {
    super(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  protected Invocation read(long key) {
    return new Invocation(SetWorkload.READ, key, null);
  }

  @Override
  protected Invocation update(long key) {
    return new Invocation(SetWorkload.ADD, key, ++lastElement);
  }
}
