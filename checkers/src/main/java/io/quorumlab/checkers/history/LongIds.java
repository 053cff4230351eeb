package io.quorumlab.checkers.history;

/**
 * Dense ids 0, 1, 2, ... for longs, in order of first sight: an open-addressing table without
 * boxing, each slot's long and id side by side so that a probe touches one cache line.
 */
public final class LongIds {
  /** Slot i: the long at 2i, its id + 1 at 2i+1 (0: empty). */
  private long[] table;
  private int mask;
  private int size;

  public LongIds(int expected) {
    int slots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
    table = new long[slots * 2];
    mask = slots - 1;
  }

  public int size() {
    return size;
  }

  /** The id of {@code v}, the next one if new. */
  public int intern(long v) {
    int h = hash(v) & mask;
    for (long id; (id = table[2 * h + 1]) != 0; h = (h + 1) & mask) if (table[2 * h] == v) return (int) id - 1;
    table[2 * h] = v;
    table[2 * h + 1] = ++size;
    if (size * 2 > mask) rehash();
    return size - 1;
  }

  /** MurmurHash3's finalizer: every input bit reaches the low bits (key << 32 | element differ mostly in high bits). */
  private static int hash(long v) {
    long h = (v ^ (v >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return (int) (h ^ (h >>> 33));
  }

  private void rehash() {
    long[] old = table;
    table = new long[old.length * 2];
    mask = (table.length >> 1) - 1;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i + 1] == 0) continue;
      int h = hash(old[i]) & mask;
      while (table[2 * h + 1] != 0) h = (h + 1) & mask;
      table[2 * h] = old[i];
      table[2 * h + 1] = old[i + 1];
    }
  }
}
