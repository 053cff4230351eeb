package io.quorumlab.checkers.elle.append;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.IntList;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.txn.MalformedHistoryException;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.elle.txn.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elle's inference for list-append histories. Every read of a list reveals the order of the appends
 * before it, so the longest read of a key gives its version order (every other read must be a
 * prefix of it, else: incompatible-order). From that order: ww (an append directly follows another
 * one), wr (a read ends with an append) and rw (a read ends with the element an append directly
 * follows) dependencies. Appends never read come after the last element any read saw. Also finds
 * the anomalies that need no cycle: G1a, G1b, internal, future-read, dirty-update, duplicate
 * elements, lost update, garbage reads.
 *
 * <p>Versions live in flat arrays indexed by "slot": key k's slots are {@code base[k]} (the empty
 * initial list) and {@code base[k]+1+i} (the list after its i-th element), so a read of length L
 * of a compatible prefix is slot {@code base[k]+L}.
 */
public final class ListAppendAnalyzer {
  final Txns txns;
  final Map<Object, Integer> keyIds = new HashMap<>();
  final List<Object> keys = new ArrayList<>();
  final ElementTable el = new ElementTable();
  final Cases cases = new Cases();

  /** Micro-ops, flattened: transaction t's are {@code mopStart[t]..mopStart[t+1]}. */
  int[] mopStart;
  /** {@link #READ} or {@link #APPEND}. */
  byte[] mopKind;
  int[] mopKey;
  /** For an append its element; for a read the element it ended with (-1: none, or unknown). */
  int[] mopEid;

  static final byte READ = 0;
  static final byte APPEND = 1;

  List<?>[] longest = new List<?>[64];
  int[] longestTxn = new int[64];
  int[] base;
  int[] slotEid;
  int[] readerOffs;
  int[] readers;
  private int[] dupPos;
  private int[] failedPos;
  private int[] garbagePos;

  private ListAppendAnalyzer(Txns txns) {
    this.txns = txns;
    if (txns.totalMops > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("too many micro-ops: " + txns.totalMops);
    int m = (int) txns.totalMops;
    mopStart = new int[txns.count + 1];
    mopKind = new byte[m];
    mopKey = new int[m];
    mopEid = new int[m];
    el.presize(m);
  }

  /**
   * @param orderEdges {@link Edges#PROCESS} and/or {@link Edges#REALTIME}: order edges to add
   * @throws MalformedHistoryException on unknown micro-ops, non-list reads, repeated appends
   */
  public static Analysis analyze(Txns txns, int orderEdges) {
    ListAppendAnalyzer a = new ListAppendAnalyzer(txns);
    a.scanTransactions();
    a.indexVersions();
    a.scanReads();
    TxnGraph graph = a.buildGraph(orderEdges);
    a.dirtyUpdates();
    return new Analysis(txns, graph, new ListAppendExplainer(a), a.cases.asMap(), a.cases.counts());
  }

  int keyId(Object key) {
    Object k = Values.norm(key);
    Integer id = keyIds.get(k);
    if (id != null) return id;
    int n = keys.size();
    keyIds.put(k, n);
    keys.add(k);
    if (n == longest.length) {
      longest = java.util.Arrays.copyOf(longest, n * 2);
      longestTxn = java.util.Arrays.copyOf(longestTxn, n * 2);
    }
    return n;
  }

  int len(int k) {
    return longest[k] == null ? 0 : longest[k].size();
  }

  /** Pass 1: validate, intern keys and appends, find each key's longest read, per-txn checks. */
  private void scanTransactions() {
    Map<LostKey, List<Integer>> lost = new LinkedHashMap<>();
    int at = 0;
    for (int t = 0; t < txns.count; t++) {
      mopStart[t] = at;
      List<?> mops = txns.mops[t];
      byte type = txns.type[t];
      boolean repeated = false;
      int n = mops.size();
      for (int i = 0; i < n; i++, at++) {
        List<?> mop = txns.mop(t, i);
        String f = (String) mop.get(0);
        Object v = mop.get(2);
        int k = keyId(mop.get(1));
        mopKey[at] = k;
        mopEid[at] = -1;
        for (int j = mopStart[t]; j < at; j++) {
          if (mopKey[j] == k) {
            repeated = true;
            if (mopKind[j] == APPEND && "append".equals(f)) el.flags[mopEid[j]] |= ElementTable.INTERMEDIATE;
          }
        }
        if ("append".equals(f)) {
          mopKind[at] = APPEND;
          if (v == null) throw malformed(t, i, "appends nil to key " + mop.get(1) + "; appended values must be unique non-nil values");
          int e = el.intern(k, v);
          if (el.writer[e] >= 0) {
            int other = el.writer[e];
            throw malformed(t, i, "appends " + v + " to key " + mop.get(1) + ", which "
                + (other == t ? "it already appended" : "op index " + txns.opIndex(other) + " also appends")
                + "; list-append needs every appended value to be unique per key");
          }
          el.writer[e] = t;
          el.writerMop[e] = i;
          mopEid[at] = e;
        } else if ("r".equals(f)) {
          mopKind[at] = READ;
          if (v != null && !(v instanceof List<?>)) {
            throw malformed(t, i, "reads key " + mop.get(1) + " as " + v + ", which is not a list (nor nil)");
          }
          if (v != null && type != Txns.FAIL) {
            List<?> l = (List<?>) v;
            if (longest[k] == null || l.size() > longest[k].size()) {
              longest[k] = l;
              longestTxn[k] = t;
            }
          }
        } else {
          throw malformed(t, i, "unknown micro-op '" + f + "'; list-append transactions consist of append and r");
        }
      }
      if (repeated && type == Txns.OK) TxnChecks.check(this, t, lost);
    }
    mopStart[txns.count] = at;
    for (Map.Entry<LostKey, List<Integer>> e : lost.entrySet()) {
      if (e.getValue().size() > 1) cases.lostUpdate(this, e.getKey(), e.getValue());
    }
  }

  record LostKey(int key, List<?> read) {
    @Override
    public boolean equals(Object o) {
      return o instanceof LostKey l && l.key == key && Values.listEq(l.read, read);
    }

    @Override
    public int hashCode() {
      int h = key;
      for (Object x : read) h = h * 31 + Values.norm(x).hashCode();
      return h;
    }
  }

  private MalformedHistoryException malformed(int t, int mop, String what) {
    return new MalformedHistoryException(txns.history, txns.opIndex(t), "micro-op " + mop + ": " + what);
  }

  /** Pass 2: each key's version order from its longest read. */
  private void indexVersions() {
    int nk = keys.size();
    base = new int[nk];
    dupPos = new int[nk];
    failedPos = new int[nk];
    garbagePos = new int[nk];
    int total = 0;
    for (int k = 0; k < nk; k++) {
      base[k] = total;
      total += len(k) + 1;
    }
    slotEid = new int[total];
    for (int k = 0; k < nk; k++) {
      dupPos[k] = failedPos[k] = garbagePos[k] = -1;
      slotEid[base[k]] = -1;
      List<?> l = longest[k];
      if (l == null) continue;
      for (int i = 0; i < l.size(); i++) {
        Object x = l.get(i);
        if (x == null) {
          throw new MalformedHistoryException(txns.history, txns.opIndex(longestTxn[k]), "reads key " + keys.get(k) + " as a list containing nil");
        }
        int e = el.find(k, x);
        if (e < 0) e = el.intern(k, x);
        if (el.pos[e] >= 0) {
          if (dupPos[k] < 0) dupPos[k] = i;
        } else {
          el.pos[e] = i;
        }
        slotEid[base[k] + 1 + i] = e;
        int w = el.writer[e];
        if (w < 0) {
          if (garbagePos[k] < 0) garbagePos[k] = i;
        } else if (txns.type[w] == Txns.FAIL && failedPos[k] < 0) {
          failedPos[k] = i;
        }
      }
    }
  }

  private Object[][] longestArrays;

  /** Key k's longest read as an array (compared against every read of k), made on first use. */
  private Object[] longestArray(int k) {
    if (longestArrays == null) longestArrays = new Object[keys.size()][];
    Object[] a = longestArrays[k];
    if (a == null) a = longestArrays[k] = longest[k].toArray();
    return a;
  }

  /** The slot a read of key k observed, or -1 when it is not a state of k's version order. */
  int readSlot(int k, List<?> v, boolean compatible) {
    int n = v.size();
    if (n == 0) return base[k];
    if (compatible) return base[k] + n;
    int e = el.find(k, v.get(n - 1));
    return e >= 0 && el.pos[e] >= 0 ? base[k] + el.pos[e] + 1 : -1;
  }

  /** Pass 3: judge every read; index readers by the version they observed. */
  private void scanReads() {
    IntList rSlot = new IntList((int) (txns.totalMops / 2 + 16));
    IntList rTxn = new IntList((int) (txns.totalMops / 2 + 16));
    boolean[] incompatibleSeen = new boolean[keys.size()];
    for (int t = 0; t < txns.count; t++) {
      byte type = txns.type[t];
      if (type == Txns.FAIL) continue;
      List<?> mops = txns.mops[t];
      for (int at = mopStart[t]; at < mopStart[t + 1]; at++) {
        if (mopKind[at] != READ) continue;
        int i = at - mopStart[t];
        Object raw = ((List<?>) mops.get(i)).get(2);
        if (raw == null && type != Txns.OK) continue; // an indeterminate read observed nothing
        List<?> v = raw == null ? List.of() : (List<?>) raw;
        int k = mopKey[at];
        int n = v.size();
        boolean compatible = n == 0 || (n <= len(k) && (longest[k] == v || Values.isPrefix(v, longestArray(k))));
        if (!compatible && !incompatibleSeen[k]) {
          incompatibleSeen[k] = true;
          cases.incompatibleOrder(this, k, t, v);
        }
        if (compatible ? dupPos[k] >= 0 && n > dupPos[k] : hasDuplicates(v)) cases.duplicates(this, t, i, v);
        if (n > 0) mopEid[at] = compatible ? slotEid[base[k] + n] : el.find(k, v.get(n - 1));
        if (type == Txns.OK) judgeRead(t, i, k, v, compatible, mopEid[at]);
        int slot = n == 0 ? base[k] : mopEid[at] >= 0 && el.pos[mopEid[at]] >= 0 ? base[k] + el.pos[mopEid[at]] + 1 : -1;
        if (slot >= 0) {
          rSlot.add(slot);
          rTxn.add(t);
        }
      }
    }
    int slots = slotEid.length;
    readerOffs = new int[slots + 1];
    for (int i = 0; i < rSlot.size(); i++) readerOffs[rSlot.get(i) + 1]++;
    for (int s = 0; s < slots; s++) readerOffs[s + 1] += readerOffs[s];
    readers = new int[rSlot.size()];
    int[] fill = java.util.Arrays.copyOf(readerOffs, slots);
    for (int i = 0; i < rSlot.size(); i++) readers[fill[rSlot.get(i)]++] = rTxn.get(i);
  }

  private void judgeRead(int t, int i, int k, List<?> v, boolean compatible, int last) {
    int n = v.size();
    if (n == 0) return;
    // G1a: elements appended by failed transactions
    if (!compatible || (failedPos[k] >= 0 && n > failedPos[k])) {
      int from = compatible ? failedPos[k] : 0;
      for (int j = from; j < n; j++) {
        int e = compatible ? slotEid[base[k] + 1 + j] : el.find(k, v.get(j));
        if (e >= 0 && el.writer[e] >= 0 && txns.type[el.writer[e]] == Txns.FAIL) cases.g1a(this, t, i, el.writer[e], v.get(j));
      }
    }
    // garbage: elements nobody appended
    if (!compatible || (garbagePos[k] >= 0 && n > garbagePos[k])) {
      List<Object> garbage = new ArrayList<>();
      int from = compatible ? garbagePos[k] : 0;
      for (int j = from; j < n; j++) {
        int e = compatible ? slotEid[base[k] + 1 + j] : el.find(k, v.get(j));
        if (e < 0 || el.writer[e] < 0) garbage.add(v.get(j));
      }
      if (!garbage.isEmpty()) cases.garbage(this, t, i, garbage);
    }
    // G1b: the read ends with another transaction's intermediate append
    if (last >= 0 && (el.flags[last] & ElementTable.INTERMEDIATE) != 0 && el.writer[last] != t) {
      cases.g1b(this, t, i, el.writer[last], v.get(n - 1));
    }
  }

  private static boolean hasDuplicates(List<?> v) {
    java.util.Set<Object> seen = new java.util.HashSet<>();
    for (Object x : v) if (!seen.add(Values.norm(x))) return true;
    return false;
  }

  /** Pass 4: the edges into each transaction, then process or realtime order. */
  private TxnGraph buildGraph(int orderEdges) {
    GraphBuilder gb = new GraphBuilder(txns.count, (int) Math.min(Integer.MAX_VALUE / 4, 2 * txns.totalMops + 3L * txns.count));
    for (int t = 0; t < txns.count; t++) {
      byte type = txns.type[t];
      if (type == Txns.FAIL) continue;
      gb.beginTarget(t);
      for (int at = mopStart[t]; at < mopStart[t + 1]; at++) {
        int e = mopEid[at];
        if (mopKind[at] == READ) {
          if (e < 0) continue;
          int w = el.writer[e];
          if (w >= 0 && txns.type[w] != Txns.FAIL) gb.add(w, Edges.WR);
        } else {
          int k = mopKey[at];
          int prev = prevSlot(k, e);
          if (prev != base[k]) {
            int w = el.writer[slotEid[prev]];
            if (w >= 0 && txns.type[w] != Txns.FAIL) gb.add(w, Edges.WW);
          }
          for (int r = readerOffs[prev]; r < readerOffs[prev + 1]; r++) gb.add(readers[r], Edges.RW);
        }
      }
      gb.endTarget();
    }
    if ((orderEdges & Edges.REALTIME) != 0) {
      int[] inv = new int[txns.count];
      int[] comp = new int[txns.count];
      for (int t = 0; t < txns.count; t++) {
        boolean in = txns.inGraph(t);
        inv[t] = in ? txns.invokePos[t] : -1;
        comp[t] = in && txns.type[t] == Txns.OK ? txns.completePos[t] : -1;
      }
      gb.addRealtimeOrder(inv, comp, txns.history.size());
    } else if ((orderEdges & Edges.PROCESS) != 0) {
      gb.addProcessOrder(txns.processChains());
    }
    return gb.build();
  }

  /** The slot of the version element e was appended to: its predecessor, or the last observed. */
  int prevSlot(int k, int e) {
    int p = el.pos[e];
    return base[k] + (p >= 0 ? p : len(k));
  }

  /** Dirty updates: a committed append directly over a failed one (Elle's dirty-update-cases). */
  private void dirtyUpdates() {
    for (int k = 0; k < keys.size(); k++) {
      List<?> l = longest[k];
      if (l == null || failedPos[k] < 0) continue;
      byte prevType = Txns.OK;
      int prevTxn = -1;
      List<Object> vs = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        int w = el.writer[slotEid[base[k] + 1 + i]];
        if (w < 0) continue;
        byte t2 = txns.type[w];
        vs.add(l.get(i));
        if (t2 == Txns.OK) {
          if (prevType == Txns.FAIL) cases.dirtyUpdate(this, k, new ArrayList<>(vs), prevTxn, w);
          prevType = Txns.OK;
          prevTxn = w;
          vs = new ArrayList<>(List.of(l.get(i)));
        } else if (t2 == Txns.FAIL) {
          if (prevType != Txns.FAIL) {
            prevType = Txns.FAIL;
            prevTxn = w;
            vs = new ArrayList<>(List.of(l.get(i)));
          }
        }
      }
    }
  }
}
