package io.quorumlab.checkers.linear;

import java.util.Arrays;

/**
 * The configurations visited so far, indexed so that a new configuration that one of them
 * dominates is not explored. Configuration A dominates B when both have linearized the same ok
 * calls and reached the same state, and A has linearized a subset of B's indeterminate calls:
 * whatever B does next, A can do too (it may leave its extra indeterminate calls untaken for
 * ever). So if B could be completed, A can be completed along the same calls, and A is explored
 * (or is being explored) anyway; by induction on the length of the completion the search still
 * finds one whenever one exists. Without this the search visits every subset of indeterminate
 * calls taken along the way: etcd_002 has 107,299 configurations but only 121 distinct
 * (ok calls, state).
 *
 * <p>Entries are bucketed by a hash of (ok calls, state), newest first; a lookup looks at a
 * bounded number of them, since subset tests against long chains cost more than they save.
 * Missing a dominating entry is safe: the configuration is then just explored.
 */
final class DominanceIndex {
  private static final int LOOKUPS = 16;
  private final long[] infoMask;
  private long[] hashes;
  private Object[] states;
  private int[] chain;
  private final StoredWindows sets;
  private int size;
  private int[] table;
  private int mask;

  /**
   * @param infoMask the bits of the indeterminate calls in a linearized-set bitset
   * @param calls the searched calls, for the first capacity
   */
  DominanceIndex(long[] infoMask, int calls) {
    this.infoMask = infoMask;
    int capacity = StateCache.initialCapacity(calls);
    hashes = new long[capacity];
    states = new Object[capacity];
    chain = new int[capacity];
    sets = new StoredWindows(infoMask.length, capacity);
    table = new int[capacity * 2];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  long bytes() {
    return hashes.length * 20L + sets.bytes() + table.length * 4L;
  }

  /**
   * @param okHash a hash of the linearized ok calls and the state
   * @param lin the linearized calls, ok and indeterminate
   */
  void add(long okHash, CallSet lin, Object state) {
    if (size == hashes.length) grow();
    int e = size++;
    hashes[e] = okHash;
    states[e] = state;
    sets.set(e, lin);
    int slot = slot(okHash);
    chain[e] = table[slot];
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
  }

  /** Whether a visited configuration (among the newest few of its bucket) dominates (lin, state). */
  boolean dominates(long okHash, CallSet lin, Object state) {
    int budget = LOOKUPS;
    for (int e = table[slot(okHash)] - 1; e >= 0 && budget-- > 0; e = chain[e] - 1) {
      if (hashes[e] == okHash && sets.dominates(e, lin, infoMask) && states[e].equals(state)) return true;
    }
    return false;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    states = Arrays.copyOf(states, capacity);
    chain = Arrays.copyOf(chain, capacity);
    sets.grow(capacity);
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int e = 0; e < size; e++) {
      int slot = slot(hashes[e]);
      chain[e] = table[slot];
      table[slot] = e + 1;
    }
  }
}
