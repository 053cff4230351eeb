package io.quorumlab.workloads;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The keys a generator spreads its ops over: {@code active} keys at a time, each retired after
 * {@code maxOpsPerKey} ops and replaced by a fresh one. Bounding the ops per key keeps the per-key
 * checks (linearizability search, Elle's list orders, set reads) small no matter how long the run,
 * as Jepsen's independent keys do; many keys still see faults at every phase of the run.
 */
public final class KeyPool {
  private final int maxOpsPerKey;
  private final RandomGenerator random;
  private final long[] active;
  private final int[] opsOnKey;
  private final List<Long> used = new ArrayList<>();
  private long nextKey;

  public KeyPool(int active, int maxOpsPerKey, RandomGenerator random) {
    if (active < 1 || maxOpsPerKey < 1) throw new IllegalArgumentException("active keys and ops per key must be positive");
    this.maxOpsPerKey = maxOpsPerKey;
    this.random = random;
    this.active = new long[active];
    this.opsOnKey = new int[active];
    for (int i = 0; i < active; i++) this.active[i] = fresh();
  }

  /** An active key for one op. */
  public long pick() {
    int slot = random.nextInt(active.length);
    if (opsOnKey[slot] >= maxOpsPerKey) {
      active[slot] = fresh();
      opsOnKey[slot] = 0;
    }
    opsOnKey[slot]++;
    return active[slot];
  }

  /** Every key handed out so far, in order of creation. */
  public List<Long> used() {
    List<Long> result = new ArrayList<>();
    for (long k : used) {
      if (touched(k)) result.add(k);
    }
    return result;
  }

  private boolean touched(long key) {
    for (int i = 0; i < active.length; i++) {
      if (active[i] == key) return opsOnKey[i] > 0;
    }
    return true;
  }

  private long fresh() {
    long k = nextKey++;
    used.add(k);
    return k;
  }
}
