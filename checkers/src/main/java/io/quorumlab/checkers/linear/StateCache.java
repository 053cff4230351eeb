package io.quorumlab.checkers.linear;

import java.util.Arrays;

/**
 * The search's memo: the set of (linearized calls, model state) configurations already explored.
 * Open addressing over flat arrays; each configuration keeps its hash, its state, and the window of
 * its linearized set ({@link CallSet}) appended to one pool of words, with no per-entry objects.
 */
final class StateCache {
  private long[] hashes;
  private Object[] states;
  private int[] lo;
  /** Entry e's window is pool[start[e], start[e + 1]). */
  private int[] start;
  private long[] pool;
  private int size;
  private int[] table;
  private int mask;

  StateCache() {
    int capacity = 1024;
    hashes = new long[capacity];
    states = new Object[capacity];
    lo = new int[capacity];
    start = new int[capacity + 1];
    pool = new long[capacity];
    table = new int[capacity * 2];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  /** Bytes held by the arrays, excluding the states themselves. */
  long bytes() {
    return hashes.length * 24L + start.length * 4L + pool.length * 8L + table.length * 4L;
  }

  /**
   * Adds the configuration unless present.
   *
   * @param hash a 64-bit hash of both {@code lin} and {@code state}
   * @return true when it was new
   */
  boolean addIfAbsent(CallSet lin, long hash, Object state) {
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (true) {
      int e = table[slot] - 1;
      if (e < 0) break;
      if (hashes[e] == hash && sameSet(e, lin) && states[e].equals(state)) return false;
      slot = (slot + 1) & mask;
    }
    if (size == hashes.length) grow();
    int e = size++;
    hashes[e] = hash;
    states[e] = state;
    lo[e] = lin.lo();
    int length = lin.hi() - lin.lo();
    if (start[e] + length > pool.length) pool = Arrays.copyOf(pool, Math.max(pool.length * 2, start[e] + length));
    System.arraycopy(lin.words(), lin.lo(), pool, start[e], length);
    start[e + 1] = start[e] + length;
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
    return true;
  }

  private boolean sameSet(int e, CallSet lin) {
    return lo[e] == lin.lo() && start[e + 1] - start[e] == lin.hi() - lin.lo()
        && Arrays.equals(pool, start[e], start[e + 1], lin.words(), lin.lo(), lin.hi());
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    states = Arrays.copyOf(states, capacity);
    lo = Arrays.copyOf(lo, capacity);
    start = Arrays.copyOf(start, capacity + 1);
  }

  private void rehash() {
    table = new int[table.length * 2];
    mask = table.length - 1;
    for (int e = 0; e < size; e++) {
      long h = hashes[e];
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = e + 1;
    }
  }
}
