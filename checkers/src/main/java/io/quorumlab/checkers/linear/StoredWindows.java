package io.quorumlab.checkers.linear;

import java.util.Arrays;

/**
 * The linearized sets kept by the memo structures, one per entry, in records of fixed size. When
 * the sets are small (up to {@link CallSet#WHOLE_WORDS} words: 512 calls per key, as Jepsen's
 * histories have) a record is the whole bitset. Otherwise it is the set's window ({@link CallSet}; all calls below it
 * are in the set and none above it): where the window starts and, inline, {@link #INLINE} words from
 * there, since the window of a long history without much concurrency is a word or two. A window
 * wider than that (indeterminate calls left out for long) keeps its words in an overflow pool, the
 * record pointing there. So a configuration never costs memory in proportion to the whole history.
 */
final class StoredWindows {
  private static final int INLINE = 4;
  /** In a window record's first word: the window is in the overflow pool. */
  private static final long OVERFLOWS = 1L << 62;
  private final int words;
  private final boolean whole;
  private final int stride;
  private long[] records;
  private long[] overflow = new long[0];
  private int overflowSize;

  /**
   * @param words the width of the searched sets' bitsets
   * @param capacity entries to make room for
   */
  StoredWindows(int words, int capacity) {
    this.words = words;
    whole = !CallSet.windowed(words);
    stride = whole ? words : 1 + INLINE;
    records = new long[capacity * stride];
  }

  long bytes() {
    return records.length * 8L + overflow.length * 8L;
  }

  void grow(int capacity) {
    records = Arrays.copyOf(records, capacity * stride);
  }

  /** Stores {@code lin} as entry {@code e}. */
  void set(int e, CallSet lin) {
    int r = e * stride;
    if (whole) {
      System.arraycopy(lin.words(), 0, records, r, words);
      return;
    }
    int start = inlineStart(lin);
    if (start >= 0) {
      records[r] = start;
      System.arraycopy(lin.words(), start, records, r + 1, INLINE);
      return;
    }
    int lo = lin.lo();
    int length = lin.hi() - lo;
    if (overflowSize + length > overflow.length) overflow = Arrays.copyOf(overflow, Math.max(overflow.length * 2, overflowSize + length));
    System.arraycopy(lin.words(), lo, overflow, overflowSize, length);
    records[r] = OVERFLOWS | (long) lo << 31 | length;
    records[r + 1] = overflowSize;
    overflowSize += length;
  }

  /** Whether entry {@code e} is {@code lin}. */
  boolean same(int e, CallSet lin) {
    int r = e * stride;
    long[] mine = lin.words();
    if (whole) {
      for (int i = 0; i < words; i++) {
        if (records[r + i] != mine[i]) return false;
      }
      return true;
    }
    int start = inlineStart(lin);
    if (start < 0) return sameOverflowing(r, lin);
    if (records[r] != start) return false;
    for (int i = 0; i < INLINE; i++) {
      if (records[r + 1 + i] != mine[start + i]) return false;
    }
    return true;
  }

  /**
   * Whether entry {@code e} has the same ok calls as {@code lin} and a subset of its indeterminate
   * calls ({@code infoMask} marks them).
   */
  boolean dominates(int e, CallSet lin, long[] infoMask) {
    int r = e * stride;
    long[] mine = lin.words();
    if (whole) {
      for (int i = 0; i < words; i++) {
        if (!covers(records[r + i], mine[i], infoMask[i])) return false;
      }
      return true;
    }
    int start = inlineStart(lin);
    if (start < 0 || records[r] != start) return dominatesAcross(r, lin, infoMask);
    // both windows within the same inline words: the sets agree outside them
    for (int i = 0; i < INLINE; i++) {
      if (!covers(records[r + 1 + i], mine[start + i], infoMask[start + i])) return false;
    }
    return true;
  }

  /**
   * Where {@code lin}'s inline words start: at its window, or earlier when the window is near the
   * end (words below the window are all ones, so starting earlier loses nothing); -1 when the window
   * is wider than {@link #INLINE}. A function of the set, so equal sets start at the same word.
   */
  private int inlineStart(CallSet lin) {
    int start = Math.min(lin.lo(), words - INLINE);
    return lin.hi() - start <= INLINE ? start : -1;
  }

  private boolean sameOverflowing(int r, CallSet lin) {
    int lo = lin.lo();
    int length = lin.hi() - lo;
    if (records[r] != (OVERFLOWS | (long) lo << 31 | length)) return false;
    int base = (int) records[r + 1];
    return Arrays.equals(overflow, base, base + length, lin.words(), lo, lo + length);
  }

  /** {@link #dominates} over the union of two windows; outside it both sets are all ones below and zeros above. */
  private boolean dominatesAcross(int r, CallSet lin, long[] infoMask) {
    long[] mine = lin.words();
    long meta = records[r];
    boolean overflows = (meta & OVERFLOWS) != 0;
    int storedLo = overflows ? (int) ((meta & ~OVERFLOWS) >>> 31) : (int) meta;
    int storedHi = storedLo + (overflows ? (int) (meta & 0x7fff_ffffL) : INLINE);
    int base = overflows ? (int) records[r + 1] - storedLo : r + 1 - storedLo;
    long[] data = overflows ? overflow : records;
    int to = Math.max(storedHi, lin.hi());
    for (int i = Math.min(storedLo, lin.lo()); i < to; i++) {
      long stored = i < storedLo ? -1L : i >= storedHi ? 0L : data[base + i];
      if (!covers(stored, mine[i], infoMask[i])) return false;
    }
    return true;
  }

  /** Same ok bits, and the stored indeterminate bits ({@code m} marks them) a subset of mine. */
  private static boolean covers(long stored, long mine, long m) {
    return ((stored ^ mine) & ~m) == 0 && (stored & ~mine & m) == 0;
  }
}
