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
  /** Entry e's linearized set: all ones below word lo[e], pool[start[e], start[e + 1]) from there, zeros above. */
  private int[] lo;
  private int[] start;
  private long[] pool;
  private int size;
  private int[] table;
  private int mask;

  /** @param infoMask the bits of the indeterminate calls in a linearized-set bitset */
  DominanceIndex(long[] infoMask) {
    this.infoMask = infoMask;
    int capacity = 256;
    hashes = new long[capacity];
    states = new Object[capacity];
    chain = new int[capacity];
    lo = new int[capacity];
    start = new int[capacity + 1];
    pool = new long[capacity];
    table = new int[capacity * 2];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  long bytes() {
    return hashes.length * 28L + start.length * 4L + pool.length * 8L + table.length * 4L;
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
    lo[e] = lin.lo();
    int length = lin.hi() - lin.lo();
    if (start[e] + length > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, start[e] + length));
    System.arraycopy(lin.words(), lin.lo(), pool, start[e], length);
    start[e + 1] = start[e] + length;
    int slot = slot(okHash);
    chain[e] = table[slot];
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
  }

  /** Whether a visited configuration (among the newest few of its bucket) dominates (lin, state). */
  boolean dominates(long okHash, CallSet lin, Object state) {
    int budget = LOOKUPS;
    for (int e = table[slot(okHash)] - 1; e >= 0 && budget-- > 0; e = chain[e] - 1) {
      if (hashes[e] == okHash && dominates(e, lin) && states[e].equals(state)) return true;
    }
    return false;
  }

  /**
   * Same ok calls, and entry e's indeterminate calls are a subset of lin's. Outside both windows
   * the two sets agree (all ones below, zeros above), so only the union of the windows is compared.
   */
  private boolean dominates(int e, CallSet lin) {
    int storedLo = lo[e];
    int storedHi = storedLo + start[e + 1] - start[e];
    int base = start[e] - storedLo;
    int to = Math.max(storedHi, lin.hi());
    for (int i = Math.min(storedLo, lin.lo()); i < to; i++) {
      long stored = i < storedLo ? -1L : i >= storedHi ? 0L : pool[base + i];
      long mine = lin.word(i);
      long m = infoMask[i];
      if (((stored ^ mine) & ~m) != 0 || (stored & ~mine & m) != 0) return false;
    }
    return true;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    states = Arrays.copyOf(states, capacity);
    chain = Arrays.copyOf(chain, capacity);
    lo = Arrays.copyOf(lo, capacity);
    start = Arrays.copyOf(start, capacity + 1);
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
