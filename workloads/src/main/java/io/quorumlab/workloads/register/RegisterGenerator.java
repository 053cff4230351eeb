package io.quorumlab.workloads.register;

import io.quorumlab.workloads.Invocation;
import io.quorumlab.workloads.InvocationGenerator;
import io.quorumlab.workloads.KeyPool;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Reads and writes over rotating keys; each key's written values are 1, 2, 3, ... */
final class RegisterGenerator implements InvocationGenerator {
  private final Random random;
  private final KeyPool keys;
  private final double readShare;
  private final Map<Long, Long> lastValue = new HashMap<>();

  RegisterGenerator(long seed, int activeKeys, int opsPerKey, double readShare) {
    this.random = new Random(seed);
    this.keys = new KeyPool(activeKeys, opsPerKey, random);
    this.readShare = readShare;
  }

  @Override
  public Invocation next() {
    long key = keys.pick();
    if (random.nextDouble() < readShare) return new Invocation(RegisterWorkload.READ, key, null);
    long value = lastValue.merge(key, 1L, Long::sum);
    return new Invocation(RegisterWorkload.WRITE, key, value);
  }

  @Override
  public List<Invocation> finalReads() {
    List<Invocation> reads = new ArrayList<>();
    for (long key : keys.used()) reads.add(new Invocation(RegisterWorkload.READ, key, null));
    return reads;
  }
}
