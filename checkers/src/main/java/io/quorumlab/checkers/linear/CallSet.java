package io.quorumlab.checkers.linear;

/**
 * The set of linearized calls of a search, as a bitset that, for long histories, also knows its
 * window: the words below {@link #lo()} are all ones and the words from {@link #hi()} on are all
 * zeros. Since calls are numbered in invocation order and every call that returned is linearized,
 * the window spans only the calls still concurrent (or indeterminate) at the search's position, so
 * the memo stores the window instead of the whole bitset ({@link StoredWindows}): a configuration of
 * a long sequential history costs a word, not a bit per call of the history. (lo, hi) is a function
 * of the set, so two sets are equal exactly when their windows are. Small sets (up to
 * {@link #WHOLE_WORDS} words) are stored whole and keep no window, which spares the search's hot loop.
 */
final class CallSet {
  static final int WHOLE_WORDS = 8;
  private final long[] words;
  private final boolean windowed;
  private int lo;
  private int hi;

  CallSet(int calls) {
    words = new long[words(calls)];
    windowed = windowed(words.length);
  }

  /** The words of a bitset of {@code calls} calls. */
  static int words(int calls) {
    return Math.max(1, (calls + 63) >>> 6);
  }

  /** Whether sets of {@code words} words keep (and are stored as) windows. */
  static boolean windowed(int words) {
    return words > WHOLE_WORDS;
  }

  /** Adds {@code call}, which is not in the set. */
  void add(int call) {
    int w = call >>> 6;
    long v = words[w] |= 1L << call;
    if (!windowed) return;
    if (w >= hi) hi = w + 1;
    if (w == lo && v == -1L) {
      do {
        lo++;
      } while (lo < words.length && words[lo] == -1L);
    }
  }

  /** Removes {@code call}, which is in the set. */
  void remove(int call) {
    int w = call >>> 6;
    long v = words[w] &= ~(1L << call);
    if (!windowed) return;
    if (w < lo) lo = w;
    if (v == 0 && w == hi - 1) {
      do {
        hi--;
      } while (hi > 0 && words[hi - 1] == 0);
    }
  }

  boolean contains(int call) {
    return (words[call >>> 6] & (1L << call)) != 0;
  }

  /** The first word that is not all ones (windowed sets only). */
  int lo() {
    return lo;
  }

  /** One past the last word that is not zero; at least {@link #lo()} (windowed sets only). */
  int hi() {
    return hi;
  }

  /** Word {@code i} of the bitset (read-only). */
  long word(int i) {
    return words[i];
  }

  /** The backing words, for copying the window; not to be written. */
  long[] words() {
    return words;
  }

  /** The whole bitset, copied. */
  long[] copy() {
    return words.clone();
  }
}
