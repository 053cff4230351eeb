package io.quorumlab.checkers.linear;

import java.util.Arrays;

/**
 * The search's memo: the set of (linearized calls, model state) configurations already explored.
 * Open addressing over flat arrays; each configuration keeps its hash, its state and its linearized
 * set as a window ({@link StoredWindows}), with no per-entry objects.
 */
final class StateCache {
  private long[] hashes;
  private Object[] states;
  private final StoredWindows sets;
  private int size;
  /**
   * Slots: the entry number + 1 (0: free) in the low word, the hash's high word in the high word,
   * so that a probe past other configurations reads only the table, not their entries.
   */
  private long[] table;
  private int mask;

  /**
   * @param words the width of the searched sets' bitsets
   * @param calls the searched calls: the first capacity, as a small key explores few configurations
   *     and a check of many small keys should not allocate for many
   */
  StateCache(int words, int calls) {
    int capacity = initialCapacity(calls);
    hashes = new long[capacity];
    states = new Object[capacity];
    sets = new StoredWindows(words, capacity);
    table = new long[capacity * 2];
    mask = table.length - 1;
  }

  /** A power of two two to four times {@code calls}, between 16 and 1024. */
  static int initialCapacity(int calls) {
    return Math.min(1024, Math.max(16, Integer.highestOneBit(Math.max(1, calls)) << 2));
  }

  int size() {
    return size;
  }

  /** Bytes held by the arrays, excluding the states themselves. */
  long bytes() {
    return hashes.length * 12L + sets.bytes() + table.length * 8L;
  }

  /**
   * Adds the configuration unless present.
   *
   * @param hash a 64-bit hash of both {@code lin} and {@code state}
   * @return true when it was new
   */
  boolean addIfAbsent(CallSet lin, long hash, Object state) {
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    long high = hash & 0xffff_ffff_0000_0000L;
    while (true) {
      long t = table[slot];
      if (t == 0) break;
      if ((t & 0xffff_ffff_0000_0000L) == high) {
        int e = (int) t - 1;
        if (hashes[e] == hash && sets.same(e, lin) && states[e].equals(state)) return false;
      }
      slot = (slot + 1) & mask;
    }
    if (size == hashes.length) grow();
    int e = size++;
    hashes[e] = hash;
    states[e] = state;
    sets.set(e, lin);
    table[slot] = high | (e + 1);
    if (size * 2 > table.length) rehash();
    return true;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    states = Arrays.copyOf(states, capacity);
    sets.grow(capacity);
  }

  private void rehash() {
    table = new long[table.length * 2];
    mask = table.length - 1;
    for (int e = 0; e < size; e++) {
      long h = hashes[e];
      int slot = (int) (h ^ (h >>> 32)) & mask;
      while (table[slot] != 0) slot = (slot + 1) & mask;
      table[slot] = (h & 0xffff_ffff_0000_0000L) | (e + 1);
    }
  }
}
