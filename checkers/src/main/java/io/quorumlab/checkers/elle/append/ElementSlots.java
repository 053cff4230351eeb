package io.quorumlab.checkers.elle.append;

/**
 * Slots for the (key, element) pairs of a list-append history whose elements are ints, each key's
 * in a small open-addressing block of its own, sized from the key's appends: a key's elements are
 * met close together in time (its appends, then its longest read), so its block stays in cache,
 * where one table of all pairs would cost a cache miss per element. A slot is the element's id.
 */
final class ElementSlots {
  private final int[] start;
  private final int[] bits;
  private final int[] value;
  private final boolean[] used;

  /** @param appends per key, how many elements were appended to it */
  ElementSlots(int[] appends, int keys) {
    start = new int[keys];
    bits = new int[keys];
    long total = 0;
    for (int k = 0; k < keys; k++) {
      // room for every append and as many elements that no one appended, at most half full
      int b = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * appends[k] + 1));
      start[k] = (int) total;
      bits[k] = b;
      total += 1L << b;
    }
    if (total > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("too many elements: " + total);
    value = new int[(int) total];
    used = new boolean[(int) total];
  }

  /** The number of slots: ids are below it. */
  int size() {
    return value.length;
  }

  /** The slot of element v of key k, taken if new; -1 when the key's block is full. */
  int intern(int k, int v) {
    int size = 1 << bits[k];
    int mask = size - 1;
    int h = (v * 0x9E3779B9) >>> (32 - bits[k]);
    for (int i = 0; i < size; i++, h = (h + 1) & mask) {
      int s = start[k] + h;
      if (!used[s]) {
        used[s] = true;
        value[s] = v;
        return s;
      }
      if (value[s] == v) return s;
    }
    return -1;
  }
}
