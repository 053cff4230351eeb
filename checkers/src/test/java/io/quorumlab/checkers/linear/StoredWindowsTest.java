package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sets stored by their windows answer exactly as whole bitsets would. */
class StoredWindowsTest {
  private static final int CALLS = 40 * 64;

  /** A set shaped as a search's are: all calls below some point, some scattered after it. */
  private static CallSet randomSet(SplittableRandom random, List<Integer> members) {
    CallSet set = new CallSet(CALLS);
    int prefix = random.nextInt(CALLS);
    int spread = random.nextInt(4) == 0 ? random.nextInt(CALLS - prefix + 1) : random.nextInt(Math.min(6 * 64, CALLS - prefix) + 1);
    for (int c = 0; c < prefix; c++) set.add(c);
    for (int c = prefix; c < prefix + spread; c++) if (random.nextInt(3) == 0) set.add(c);
    // and take some out again, as backtracking does
    for (int c = Math.max(0, prefix - 64); c < prefix + spread; c++) if (set.contains(c) && random.nextInt(10) == 0) set.remove(c);
    for (int c = 0; c < CALLS; c++) if (set.contains(c)) members.add(c);
    return set;
  }

  private static long[] bits(List<Integer> members) {
    long[] b = new long[CALLS / 64];
    for (int c : members) b[c >>> 6] |= 1L << c;
    return b;
  }

  @Test
  void windowsAreTheBoundsOfTheSet() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 500; i++) {
      List<Integer> members = new ArrayList<>();
      CallSet set = randomSet(random, members);
      long[] b = bits(members);
      int lo = 0;
      while (lo < b.length && b[lo] == -1L) lo++;
      int hi = b.length;
      while (hi > 0 && b[hi - 1] == 0) hi--;
      assertThat(set.lo()).isEqualTo(lo);
      assertThat(set.hi()).isEqualTo(Math.max(hi, lo));
      assertThat(set.copy()).isEqualTo(b);
    }
  }

  @Test
  void sameAndDominatesAgreeWithWholeBitsets() {
    SplittableRandom random = new SplittableRandom(11);
    long[] infoMask = new long[CALLS / 64];
    for (int i = 0; i < infoMask.length; i++) infoMask[i] = random.nextLong() & random.nextLong();
    StoredWindows stored = new StoredWindows(CALLS / 64, 4);
    List<long[]> kept = new ArrayList<>();
    for (int e = 0; e < 300; e++) {
      CallSet set = randomSet(random, new ArrayList<>());
      stored.grow(e + 1);
      stored.set(e, set);
      kept.add(set.copy());
    }
    int sames = 0;
    int dominated = 0;
    for (int q = 0; q < 600; q++) {
      // queries: fresh random sets, and stored ones with a few indeterminate calls added
      CallSet query;
      if (q % 2 == 0) {
        query = randomSet(random, new ArrayList<>());
      } else {
        query = new CallSet(CALLS);
        long[] base = kept.get(random.nextInt(kept.size()));
        for (int c = 0; c < CALLS; c++) if ((base[c >>> 6] & (1L << c)) != 0) query.add(c);
        for (int k = random.nextInt(3); k > 0; k--) {
          int c = random.nextInt(CALLS);
          if ((infoMask[c >>> 6] & (1L << c)) != 0 && !query.contains(c)) query.add(c);
        }
      }
      long[] mine = query.copy();
      for (int e = 0; e < kept.size(); e++) {
        long[] theirs = kept.get(e);
        boolean same = Arrays.equals(theirs, mine);
        boolean dominates = true;
        for (int w = 0; w < mine.length; w++) {
          dominates &= ((theirs[w] ^ mine[w]) & ~infoMask[w]) == 0 && (theirs[w] & ~mine[w] & infoMask[w]) == 0;
        }
        assertThat(stored.same(e, query)).as("same, entry %d query %d", e, q).isEqualTo(same);
        assertThat(stored.dominates(e, query, infoMask)).as("dominates, entry %d query %d", e, q).isEqualTo(dominates);
        if (same) sames++;
        if (dominates) dominated++;
      }
    }
    // the queries did meet stored sets, so both answers were tested both ways
    assertThat(sames).isPositive();
    assertThat(dominated).isGreaterThan(sames);
  }
}
