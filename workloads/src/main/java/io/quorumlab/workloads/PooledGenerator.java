package io.quorumlab.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A generator over a {@link KeyPool}: each op picks a key, then is a read with probability
 * {@code readShare} and else an update; the final reads read every key used. Subclasses say what a
 * read and an update of a key are. One seeded {@link Random} serves both choices, so equal seeds give
 * equal sequences.
 */
public abstract class PooledGenerator implements InvocationGenerator {
  private final Random random;
  private final KeyPool keys;
  private final double readShare;

  protected PooledGenerator(long seed, int activeKeys, int opsPerKey, double readShare) {
    this.random = new Random(seed);
    this.keys = new KeyPool(activeKeys, opsPerKey, random);
    this.readShare = readShare;
  }

  /** A read of {@code key}, its value not known yet. */
  protected abstract Invocation read(long key);

  /** An update of {@code key} with the next value it takes. */
  protected abstract Invocation update(long key);

  @Override
  public final Invocation next() {
    long key = keys.pick();
    return random.nextDouble() < readShare ? read(key) : update(key);
  }

  @Override
  public final List<Invocation> finalReads() {
    List<Invocation> reads = new ArrayList<>();
    for (long key : keys.used()) reads.add(read(key));
    return reads;
  }
}
