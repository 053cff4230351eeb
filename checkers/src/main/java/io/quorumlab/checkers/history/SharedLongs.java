package io.quorumlab.checkers.history;

/**
 * One Long object per small value, shared by every read that holds it: a list-append history
 * repeats each element in every later read of its key, so sharing the boxes (4 bytes a reference
 * instead of 16 more a box) is most of the memory its reads take. Racing threads may each box a
 * value once; Long is immutable, so any of the boxes will do.
 */
final class SharedLongs {
  private static final int SIZE = 1 << 22;
  private static final Long[] BOXES = new Long[SIZE];

  private SharedLongs() {}

  static Long of(long v) {
    if (v < 0 || v >= SIZE) return v;
    Long box = BOXES[(int) v];
    if (box == null) {
      box = v;
      BOXES[(int) v] = box;
    }
    return box;
  }
}
