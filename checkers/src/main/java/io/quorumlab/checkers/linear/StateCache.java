package io.quorumlab.checkers.linear;

import java.util.Arrays;

/**
 * The search's memo: the set of (linearized calls, model state) configurations already explored.
 * Open addressing over flat arrays, so that a configuration costs its bitset words, one hash and
 * one reference, with no per-entry objects.
 */
final class StateCache {
  private final int words;
  private long[] hashes;
  private long[] bits;
  private Object[] states;
  private int size;
  private int[] table;
  private int mask;

  StateCache(int words) {
    this.words = words;
    int capacity = 1024;
    hashes = new long[capacity];
    bits = new long[capacity * words];
    states = new Object[capacity];
    table = new int[capacity * 2];
    mask = table.length - 1;
  }

  int size() {
    return size;
  }

  /** Bytes held by the arrays, excluding the states themselves. */
  long bytes() {
    return (long) hashes.length * (16L + 8L * words) + 4L * table.length;
  }

  /**
   * Adds the configuration unless present.
   *
   * @param hash a 64-bit hash of both {@code lin} and {@code state}
   * @return true when it was new
   */
  boolean addIfAbsent(long[] lin, long hash, Object state) {
    int slot = (int) (hash ^ (hash >>> 32)) & mask;
    while (true) {
      int e = table[slot] - 1;
      if (e < 0) break;
      if (hashes[e] == hash && sameBits(e, lin) && states[e].equals(state)) return false;
      slot = (slot + 1) & mask;
    }
    if (size == hashes.length) grow();
    int e = size++;
    hashes[e] = hash;
    System.arraycopy(lin, 0, bits, e * words, words);
    states[e] = state;
    table[slot] = e + 1;
    if (size * 2 > table.length) rehash();
    return true;
  }

  private boolean sameBits(int e, long[] lin) {
    int base = e * words;
    for (int i = 0; i < words; i++) {
      if (bits[base + i] != lin[i]) return false;
    }
    return true;
  }

  private void grow() {
    int capacity = hashes.length * 2;
    hashes = Arrays.copyOf(hashes, capacity);
    bits = Arrays.copyOf(bits, capacity * words);
    states = Arrays.copyOf(states, capacity);
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
