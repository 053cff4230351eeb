package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Wing–Gong linearizability search with Lowe's memoization, as Porcupine implements it: walk
 * the history's call/return entries in time order; at a call, try to linearize it (model step)
 * and lift it and its return out of the list; at a return whose call is not linearized yet,
 * backtrack. A configuration (set of linearized calls, model state) is explored once.
 *
 * <p>Entries live in int arrays as a doubly-linked list (ids 0..n-1 are calls, n..2n-1 their
 * returns, 2n the head), so lift/unlift are O(1) pointer swaps that unlift undoes exactly. The
 * linearized set is a bitset ({@link CallSet}, stored in the memo by its window) whose hash is kept
 * incrementally (Zobrist: XOR of one random word per call). Indeterminate calls have no return entry: they may take effect at any point
 * after their invocation or never, so the search succeeds once every ok call is linearized.
 *
 * <p>The search is resumable: {@link #advance} runs a bounded slice, so that a scheduler can
 * interleave the keys of a history and stop them all once one is known to be non-linearizable.
 */
final class WglSearch {
  private static final int MAX_ORDERS = 8;
  /** How many earlier indeterminate calls are looked at for an interchangeable one. */
  private static final int TWIN_LOOKBACK = 64;
  /** How many reads' return entries look-ahead checks; the first ones fail a wrong state soonest. */
  private static final int LOOKAHEAD_RETURNS = 2;

  private final Model<Object> model;
  private final Call[] calls;
  private final boolean[] ok;
  /** Ok calls that never change the state: taken as soon as they fit (see {@link #search}). */
  private final boolean[] eager;
  /**
   * For each indeterminate call, an earlier one with the same effect ({@link
   * Model#interchangeable}), else -1; null when there is none at all.
   */
  private final int[] twin;
  /** For look-ahead ({@link Model#looksAhead}): which calls overwrite the state; null without it. */
  private final boolean[] overwrites;
  private final int n;
  private final int head;
  private final int[] next;
  private final int[] prev;
  private final int nOk;
  private final long[] zobrist;
  /** Zobrist words of the ok calls only (0 for indeterminate ones): the dominance index's key. */
  private final long[] zobristOk;
  private final StateCache cache;
  /** Null when every call is ok (nothing can be dominated). */
  private final DominanceIndex dominance;
  private final long started = System.nanoTime();

  // the search's position, kept between slices
  private final CallSet lin;
  private final int[] stackCall;
  private final Object[] stackState;
  private int depth;
  /** The most calls linearized at once so far: how far an undecided search got. */
  private int deepest;
  private int okDone;
  private long zob;
  private long zobOk;
  private Object state;
  private int entry;
  private long stateBytes;
  private long charged;
  private long nanos;
  private SearchResult result;

  // the best dead end seen: most ok calls linearized, then fewest indeterminate ones
  private int bestOk = -1;
  private int bestDepth = Integer.MAX_VALUE;
  private long[] bestLin;
  private int bestBlocked = -1;
  private int[] bestPending;
  private List<DeadEnd.Order> bestOrders = new ArrayList<>();
  /**
   * The first dead end met while none of the kind above is known: its blocked call fits, but every
   * configuration it leads to is known to fail (pruned). Used only when no other dead end exists.
   */
  private DeadEnd bestFallback;

  /**
   * @param calls the partition's calls; id = position
   * @param ok whether each call completed ok (else indeterminate)
   * @param entries call ids (0..n-1) and return ids (n + call id) in time order; indeterminate
   *     calls have no return entry
   */
  @SuppressWarnings("unchecked")
  WglSearch(Model<?> model, Call[] calls, boolean[] ok, int[] entries) {
    this.model = (Model<Object>) model;
    this.calls = calls;
    this.ok = ok;
    this.n = calls.length;
    this.head = 2 * n;
    this.next = new int[2 * n + 1];
    this.prev = new int[2 * n + 1];
    Arrays.fill(next, -1);
    Arrays.fill(prev, -1);
    int last = head;
    for (int e : entries) {
      next[last] = e;
      prev[e] = last;
      last = e;
    }
    next[last] = -1;
    int oks = 0;
    for (boolean b : ok) if (b) oks++;
    this.eager = new boolean[n];
    for (int i = 0; i < n; i++) eager[i] = ok[i] && this.model.isReadOnly(calls[i]);
    this.nOk = oks;
    int words = CallSet.words(n);
    this.lin = new CallSet(n);
    this.zobrist = new long[n];
    SplittableRandom random = new SplittableRandom(0x5eed_1234_abcdL + n);
    for (int i = 0; i < n; i++) zobrist[i] = random.nextLong();
    this.zobristOk = new long[n];
    long[] infoMask = new long[words];
    for (int i = 0; i < n; i++) {
      if (ok[i]) zobristOk[i] = zobrist[i];
      else infoMask[i >>> 6] |= 1L << i;
    }
    this.twin = twins(this.model, calls, ok);
    if (this.model.looksAhead()) {
      this.overwrites = new boolean[n];
      for (int i = 0; i < n; i++) overwrites[i] = this.model.overwrites(calls[i]);
    } else {
      this.overwrites = null;
    }
    this.cache = new StateCache(words, n);
    this.dominance = oks == n ? null : new DominanceIndex(infoMask, n);
    this.stackCall = new int[n];
    this.stackState = new Object[n];
    this.state = this.model.initial();
    this.entry = firstEntry(state);
    if (nOk == 0) result = new SearchResult(Verdict.VALID, n, 0, 0, 0, null, null);
  }

  int calls() {
    return n;
  }

  /** The {@link #twin} of each call: the nearest of the few indeterminate calls before it with the same effect. */
  private static int[] twins(Model<Object> model, Call[] calls, boolean[] ok) {
    int[] twin = null;
    int[] recent = new int[TWIN_LOOKBACK];
    int seen = 0;
    for (int j = 0; j < calls.length; j++) {
      if (ok[j]) continue;
      for (int k = seen - 1; k >= Math.max(0, seen - TWIN_LOOKBACK); k--) {
        int i = recent[k % TWIN_LOOKBACK];
        if (model.interchangeable(calls[i], calls[j])) {
          if (twin == null) {
            twin = new int[calls.length];
            Arrays.fill(twin, -1);
          }
          twin[j] = i;
          break;
        }
      }
      recent[seen++ % TWIN_LOOKBACK] = j;
    }
    return twin;
  }

  /** Configurations explored so far. */
  long configurations() {
    return cache.size();
  }

  /** The result once decided, else null. */
  SearchResult result() {
    return result;
  }

  /** Runs the whole search in this thread. */
  SearchResult run(Budget budget) {
    while (advance(1 << 12, budget) == null) {
      // keep going: the budget is checked between slices
    }
    return result;
  }

  /**
   * Gives up without a verdict (the budget ran out, or another key already decided the history).
   */
  SearchResult stop(String why, Budget budget) {
    if (result == null) {
      budget.release(charged);
      charged = 0;
      result = new SearchResult(Verdict.UNKNOWN, n, configurations(), nanos, deepest, deadEnd(), why);
    }
    return result;
  }

  /**
   * Runs at most {@code iterations} steps of the search.
   *
   * @return the result once decided (now or before), or null to be resumed
   */
  SearchResult advance(int iterations, Budget budget) {
    if (result != null) return result;
    long sliceStart = System.nanoTime();
    long bytes = cache.bytes() + stateBytes + (dominance == null ? 0 : dominance.bytes());
    String why = budget.charge(bytes - charged);
    charged = bytes;
    if (why != null) return stop(why, budget);
    SearchResult r = search(iterations);
    nanos += System.nanoTime() - sliceStart;
    if (r != null) {
      budget.release(charged);
      charged = 0;
      result = new SearchResult(r.verdict(), n, configurations(), nanos, deepest, r.failure(), null);
    }
    return result;
  }

  /**
   * The search loop. One reduction on top of Porcupine's: an ok call that never changes the state
   * (a read) and fits now is taken now, and if that leads nowhere its parent fails too, without
   * trying other calls first. That loses nothing: in any linearization that places the read
   * later, moving it here keeps every other call's state, and the real-time order holds because
   * every call that returned before the read began is already linearized (its return entry would
   * otherwise come first in the list). A new configuration starts at such a read wherever it
   * stands before the first return ({@link #firstEntry}).
   *
   * <p>Three reductions for indeterminate calls, each keeping some configuration explored from which
   * every completion of the skipped one still works (so, by induction on the completion's length,
   * as for the memo, a linearization is found whenever one exists): one that would not change the
   * state is not taken (the configuration being expanded has the same ok calls and state and fewer
   * indeterminate ones); of interchangeable ones the earliest untaken goes first (it is available
   * now; the later one stays available from here on, since the list only loses return entries
   * further down, and can stand in for it in any completion); and right after one, a call that
   * reaches the same state without it is not taken ({@link #absorbs}: the parent takes that call
   * too, into the same state with the same ok calls). The last rule once made a 100,000-call
   * register run out of memory: its timed-out writes, never read, stayed candidates at every
   * depth, and the one greedy path through each became a dead end tried at every depth. Such
   * writes are now left out before the search ({@link Model#unobservable}), and reads go first.
   * Look-ahead ({@link #doomedBy}) drops only configurations that have no completion at all.
   */
  private SearchResult search(int iterations) {
    // the hot loop works on locals; fields are written back when the slice ends
    final Model<Object> model = this.model;
    final Call[] calls = this.calls;
    final boolean[] ok = this.ok;
    final boolean[] eager = this.eager;
    final int[] twin = this.twin;
    final int[] next = this.next;
    final CallSet lin = this.lin;
    final long[] zobrist = this.zobrist;
    final long[] zobristOk = this.zobristOk;
    final StateCache cache = this.cache;
    final DominanceIndex dominance = this.dominance;
    final int n = this.n;
    int depth = this.depth;
    int deepest = this.deepest;
    int okDone = this.okDone;
    long zob = this.zob;
    long zobOk = this.zobOk;
    Object state = this.state;
    int entry = this.entry;
    long stateBytes = this.stateBytes;
    SearchResult outcome = null;
    for (int it = 0; it < iterations; it++) {
      boolean backtrack;
      if (entry < n) {
        // a call entry: try to linearize it now
        if (twin != null && twin[entry] >= 0 && !lin.contains(twin[entry])) {
          entry = next[entry];
          continue;
        }
        Object after = model.step(state, calls[entry]);
        if (after == null || !ok[entry] && after.equals(state) || depth > 0 && !ok[stackCall[depth - 1]] && absorbs(stackState[depth - 1], entry, after)) {
          entry = next[entry];
          continue;
        }
        lin.add(entry);
        long h = zob ^ zobrist[entry];
        long hOk = zobOk ^ zobristOk[entry];
        // look-ahead only for configurations not seen before (a doomed one stays in the memo, rightly:
        // it has no completion), and not after a read (its state is its parent's, which passed)
        int doomedBy = -1;
        if (firstVisit(h, hOk, after) && (overwrites == null || eager[entry] || (doomedBy = doomedBy(entry, after)) < 0)) {
          stateBytes += model.bytes(after);
          stackCall[depth] = entry;
          stackState[depth] = state;
          depth++;
          if (depth > deepest) deepest = depth;
          state = after;
          zob = h;
          zobOk = hOk;
          lift(entry);
          if (ok[entry] && ++okDone == nOk) {
            outcome = new SearchResult(Verdict.VALID, n, 0, 0, 0, null, null);
            break;
          }
          entry = firstEntry(state);
          continue;
        }
        if (doomedBy >= 0) noteDoomed(entry, after, doomedBy, state, okDone + (ok[entry] ? 1 : 0), depth);
        lin.remove(entry);
        if (!eager[entry]) {
          entry = next[entry];
          continue;
        }
        // an eager read that fits but whose configuration was already visited (or is dominated by
        // one that was, or leads nowhere): that one is explored, so this one adds nothing, and nor
        // does its parent
        backtrack = true;
      } else {
        // a return entry whose call is not linearized: this order is a dead end. Explanations use
        // the deepest dead end whose blocked call is impossible in its state (with dominance, a
        // blocked call may fit yet lead only to configurations known to fail).
        if ((okDone > bestOk || okDone == bestOk && depth <= bestDepth) && model.step(state, calls[entry - n]) == null) {
          recordDeadEnd(okDone, depth, entry, state);
        } else if (bestOk < 0 && bestFallback == null) {
          // no dead end with an impossible call yet: keep this one, so that a verdict always has one
          bestFallback = new DeadEnd(entry - n, pendingBefore(entry), List.of(order(depth, state)));
        }
        backtrack = true;
      }
      while (backtrack) {
        if (depth == 0) {
          outcome = new SearchResult(Verdict.INVALID, n, 0, 0, 0, deadEnd(), null);
          break;
        }
        depth--;
        int c = stackCall[depth];
        state = stackState[depth];
        stackState[depth] = null;
        lin.remove(c);
        zob ^= zobrist[c];
        zobOk ^= zobristOk[c];
        if (ok[c]) okDone--;
        unlift(c);
        entry = next[c];
        backtrack = eager[c];
      }
      if (outcome != null) break;
    }
    this.depth = depth;
    this.deepest = deepest;
    this.okDone = okDone;
    this.zob = zob;
    this.zobOk = zobOk;
    this.state = state;
    this.entry = entry;
    this.stateBytes = stateBytes;
    return outcome;
  }

  /**
   * Where a new configuration's walk of the list begins: at the first ok read that fits now among
   * the calls before the first return entry, else at the head. That read is taken first by the
   * rule in {@link #search}, wherever it stands; from the head, the walk would first try every call
   * ahead of it and what follows, among them the indeterminate calls that pile up at the front of
   * the list, since they never return.
   */
  private int firstEntry(Object state) {
    int first = next[head];
    for (int e = first; e >= 0 && e < n; e = next[e]) {
      if (eager[e] && model.step(state, calls[e]) != null) return e;
    }
    return first;
  }

  /**
   * Whether configuration (lin, after) is seen for the first time (and not dominated by one seen),
   * recording it if so.
   *
   * @param h the Zobrist hash of lin
   * @param hOk the Zobrist hash of lin's ok calls
   */
  private boolean firstVisit(long h, long hOk, Object after) {
    int afterHash = after.hashCode();
    if (dominance == null) return cache.addIfAbsent(lin, mix(h, afterHash), after);
    long key = mix(hOk, afterHash);
    if (dominance.dominates(key, lin, after) || !cache.addIfAbsent(lin, mix(h, afterHash), after)) return false;
    dominance.add(key, lin, after);
    return true;
  }

  /**
   * Look-ahead ({@link Model#looksAhead}): whether taking call {@code c} into state {@code after}
   * leads nowhere, because an ok read whose return comes before any overwriting call's invocation in
   * the list cannot fit after any sequence of the calls before it (only reads are asked: they are
   * what a wrong state fails). Those are the only calls that can
   * be linearized before it, and none of them overwrites, so {@link Model#mayStillFit} decides.
   *
   * @return that call's return entry, or -1 when none was found
   */
  private int doomedBy(int c, Object after) {
    int returns = 0;
    for (int e = next[head]; e >= 0 && returns < LOOKAHEAD_RETURNS; e = next[e]) {
      if (e < n) {
        if (e != c && overwrites[e]) return -1;
      } else if (e != c + n && eager[e - n]) {
        if (!model.mayStillFit(after, calls[e - n])) return e;
        returns++;
      }
    }
    return -1;
  }

  /**
   * Keeps a configuration that look-ahead abandoned as a dead end for explanations, as the search
   * would have met it: call {@code c} taken (into {@code after}), then the doomed call's return
   * reached with that call impossible in {@code after} (the empty sequence is one that
   * {@link Model#mayStillFit} ruled out).
   */
  private void noteDoomed(int c, Object after, int returnEntry, Object before, int okDone, int depth) {
    if (!(okDone > bestOk || okDone == bestOk && depth + 1 <= bestDepth)) return;
    assert model.step(after, calls[returnEntry - n]) == null : "mayStillFit ruled out a call that fits";
    stackCall[depth] = c;
    stackState[depth] = before;
    lift(c);
    recordDeadEnd(okDone, depth + 1, returnEntry, after);
    unlift(c);
    stackState[depth] = null;
  }

  /**
   * Whether call {@code c}, taken in {@code before} (the state before the indeterminate call on top
   * of the stack), reaches the same state {@code after} as after it: then that indeterminate call
   * changed nothing that {@code c} lets through, and the configuration without it covers this one.
   */
  private boolean absorbs(Object before, int c, Object after) {
    Object without = model.step(before, calls[c]);
    return without != null && without.equals(after);
  }

  private void recordDeadEnd(int okDone, int depth, int returnEntry, Object state) {
    if (okDone > bestOk || depth < bestDepth) {
      bestOk = okDone;
      bestDepth = depth;
      bestLin = lin.copy();
      bestBlocked = returnEntry - n;
      bestPending = pendingBefore(returnEntry);
      bestOrders = new ArrayList<>();
      bestOrders.add(order(depth, state));
    } else if (bestOrders.size() < MAX_ORDERS && Arrays.equals(lin.words(), bestLin) && !hasState(state)) {
      bestOrders.add(order(depth, state));
    }
  }

  private DeadEnd deadEnd() {
    return bestOk < 0 ? bestFallback : new DeadEnd(bestBlocked, bestPending, List.copyOf(bestOrders));
  }

  private void lift(int call) {
    unlink(call);
    if (ok[call]) unlink(call + n);
  }

  private void unlift(int call) {
    if (ok[call]) relink(call + n);
    relink(call);
  }

  private void unlink(int e) {
    int p = prev[e];
    int x = next[e];
    next[p] = x;
    if (x >= 0) prev[x] = p;
  }

  private void relink(int e) {
    int p = prev[e];
    int x = next[e];
    next[p] = e;
    if (x >= 0) prev[x] = e;
  }

  /** Call ids of the call entries before return entry {@code ret} in the current list. */
  private int[] pendingBefore(int ret) {
    int[] out = new int[8];
    int k = 0;
    for (int e = next[head]; e != ret && e >= 0; e = next[e]) {
      if (e < n) {
        if (k == out.length) out = Arrays.copyOf(out, k * 2);
        out[k++] = e;
      }
    }
    return Arrays.copyOf(out, k);
  }

  private DeadEnd.Order order(int depth, Object state) {
    Object[] states = Arrays.copyOf(stackState, depth + 1);
    states[depth] = state;
    return new DeadEnd.Order(Arrays.copyOf(stackCall, depth), states);
  }

  private boolean hasState(Object state) {
    for (DeadEnd.Order o : bestOrders) if (o.state().equals(state)) return true;
    return false;
  }

  /** A 64-bit hash of (linearized-set hash, state hash) with good low bits (murmur3 fmix64). */
  static long mix(long linHash, int stateHash) {
    long h = linHash ^ (stateHash * 0x9E3779B97F4A7C15L);
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
