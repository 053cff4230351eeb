package io.quorumlab.checkers.elle.append;

/** Dense ids 0, 1, 2, ... for longs, in order of first sight: an open-addressing table without boxing. */
final class LongIds {
  private long[] keys = new long[1 << 10];
  private int[] ids = new int[1 << 10]; // id + 1; 0 empty
  private int size;

  int size() {
    return size;
  }

  /** The id of {@code v}, or -1. */
  int find(long v) {
    int mask = keys.length - 1;
    for (int h = hash(v) & mask; ; h = (h + 1) & mask) {
      if (ids[h] == 0) return -1;
      if (keys[h] == v) return ids[h] - 1;
    }
  }

  /** The id of {@code v}, the next one if new. */
  int intern(long v) {
    int mask = keys.length - 1;
    int h = hash(v) & mask;
    for (; ids[h] != 0; h = (h + 1) & mask) if (keys[h] == v) return ids[h] - 1;
    keys[h] = v;
    ids[h] = ++size;
    if (size * 2 > keys.length) rehash();
    return size - 1;
  }

  private static int hash(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 29));
  }

  private void rehash() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldIds[i] == 0) continue;
      int h = hash(oldKeys[i]) & mask;
      while (ids[h] != 0) h = (h + 1) & mask;
      keys[h] = oldKeys[i];
      ids[h] = oldIds[i];
    }
  }
}
