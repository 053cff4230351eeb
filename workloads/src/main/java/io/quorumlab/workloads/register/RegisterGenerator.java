package io.quorumlab.workloads.register;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.PooledGenerator;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Reads and writes over rotating keys; each key's written values are 1, 2, 3, ... */
final class RegisterGenerator extends PooledGenerator {
  private final Map<Long, Long> lastValue = new HashMap<>();

  RegisterGenerator(RandomGenerator random, int activeKeys, int opsPerKey, double readShare) {
    super(random, activeKeys, opsPerKey, readShare);
  }

  @Override
  protected Invocation read(long key) {
    return new Invocation(RegisterWorkload.READ, key, null);
  }

  @Override
  protected Invocation update(long key) {
    return new Invocation(RegisterWorkload.WRITE, key, lastValue.merge(key, 1L, Long::sum));
  }
}
