package io.quorumlab.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A generator over a {@link KeyPool}: each op picks a key, then is a read with probability
 * {@code readShare} and else an update; the final reads read every key used. Subclasses say what a
 * read and an update of a key are. One random stream, handed in by the run, serves both choices, so
 * equal streams give equal sequences.
 */
public abstract class PooledGenerator implements InvocationGenerator {
  private final RandomGenerator random;
  private final KeyPool keys;
  private final double readShare;

  protected PooledGenerator(RandomGenerator random, int activeKeys, int opsPerKey, double readShare) {
    this.random = random;
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
