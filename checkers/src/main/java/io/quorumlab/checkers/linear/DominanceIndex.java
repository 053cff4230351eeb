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
  private final int words;
  private final long[] infoMask;
  private long[] hashes;
  private long[] bits;
  private Object[] states;
  private int[] chain;
  private int size;
  private int[] table;
  private int mask;

  /** @param infoMask the bits of the indeterminate calls in a linearized-set bitset */
  DominanceIndex(long[] infoMask) {
    this.words = infoMask.length;
    this.infoMask = infoMask;
    int capacity = 256;
    hashes = new long[capacity];
    bits = new long[capacity * words];
    states = new Object[capacity];
    chain = new int[capacity];
    table = new int[capacity * 2];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  long bytes() {
    return (long) hashes.length * (20L + 8L * words) + 4L * table.length;
  }

  /**
   * @param okHash a hash of the linearized ok calls and the state
   * @param lin the linearized calls, ok and indeterminate
   */
  void add(long okHash, long[] lin, Object state) {
    if (size == hashes.length) grow();
    int e = size++;
    hashes[e] = okHash;
    System.arraycopy(lin, 0, bits, e * words, words);
    states[e] = state;
    int slot = slot(okHash);
    chain[e] = table[slot];
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
  }

  /** Whether a visited configuration (among the newest few of its bucket) dominates (lin, state). */
  boolean dominates(long okHash, long[] lin, Object state) {
    int budget = LOOKUPS;
    for (int e = table[slot(okHash)] - 1; e >= 0 && budget-- > 0; e = chain[e] - 1) {
      if (hashes[e] == okHash && dominates(e, lin) && states[e].equals(state)) return true;
    }
    return false;
  }

  /** Same ok calls, and entry e's indeterminate calls are a subset of lin's. */
  private boolean dominates(int e, long[] lin) {
    int base = e * words;
    for (int i = 0; i < words; i++) {
      long stored = bits[base + i];
      long m = infoMask[i];
      if (((stored ^ lin[i]) & ~m) != 0 || (stored & ~lin[i] & m) != 0) return false;
    }
    return true;
  }

  private int slot(long h) {
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    bits = Arrays.copyOf(bits, capacity * words);
    states = Arrays.copyOf(states, capacity);
    chain = Arrays.copyOf(chain, capacity);
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
