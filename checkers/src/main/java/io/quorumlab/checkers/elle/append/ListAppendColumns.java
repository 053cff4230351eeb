package io.quorumlab.checkers.elle.append;

import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.GraphBuilder;
import io.quorumlab.checkers.elle.graph.IntList;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.LongIds;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.history.TxnColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ListAppendAnalyzer}'s inference over a history in columns ({@link TxnColumns}): keys and
 * elements are ints, a read is its length (its elements are the first of its key's longest read, of
 * which every read is a prefix: {@link TxnColumns#longestRead}), and no object is made per op or
 * micro-op. It makes the same dependency graph, edge for edge, for a history in which the analyzer
 * finds no anomaly. It does not describe anomalies: as soon as it meets one that the analyzer would report
 * (or a transaction the analyzer would call malformed) it gives up, returning null, and the caller
 * judges the history the general way, which finds and explains it. So this is the path of the
 * common, valid, big history, and it never decides an invalid one.
 *
 * <p>Passes, slots and names follow {@link ListAppendAnalyzer}; read that class for the why.
 */
public final class ListAppendColumns {
  /**
   * A history in which the analysis found no anomaly.
   *
   * @param invokePos position of each transaction's invocation among the history's ops
   * @param completePos position of its completion, -1 when none
   * @param type {@link Txns#OK}, {@link Txns#INFO} or {@link Txns#FAIL} per transaction
   */
  public record Clean(int txnCount, int[] invokePos, int[] completePos, byte[] type, TxnGraph graph) {}

  /** The history, until the micro-ops are copied out of it: then it is garbage (it is most of the heap). */
  private TxnColumns h;
  private final int opCount;
  /** Each transaction's process, kept only for process order. */
  private long[] process;
  private int count;
  private int[] inv;
  private int[] comp;
  private int[] src;
  private byte[] type;
  private long totalMops;

  private final LongIds keyIds = new LongIds(1024);
  /** The last keys met and their ids, by the key's low bits: consecutive micro-ops touch few keys. */
  private final long[] recentKey = new long[1024];
  private final int[] recentId = new int[1024];
  private ElementSlots elements;
  private int[] writer;
  private int[] pos;
  private byte[] intermediate;

  private int[] mopStart;
  private byte[] mopKind;
  private int[] mopKey;
  private int[] mopEid;
  /** An append's element; a read's length, -1 for nil (its elements: the first of its key's {@link #keyElems}). */
  private int[] mopVal;

  private int[] longestTxn = new int[64];
  private int[] longestLen = new int[64];
  /** Per key id, the longest list any op of the history read ({@link TxnColumns#longestRead}), of which every read is a prefix. */
  private int[][] keyElems = new int[64][];
  private int[] base;
  private int[] slotEid;
  private int[] readerOffs;
  private int[] readers;
  private int[] dupPos;
  private int[] failedPos;
  private int[] garbagePos;
  private final IntList lostTxn = new IntList();
  private final IntList lostAt = new IntList();

  private static final byte READ = 0;
  private static final byte APPEND = 1;

  private ListAppendColumns(TxnColumns h) {
    this.h = h;
    this.opCount = h.size();
  }

  /**
   * @param h the history, or null (then null): the caller should hold no other reference to it, so
   *     that it is garbage once its micro-ops are copied out
   * @param orderEdges {@link Edges#PROCESS} and/or {@link Edges#REALTIME}: order edges to add
   * @return the graph, or null when the history has an anomaly or anything else the general path must judge
   */
  public static Clean analyze(TxnColumns h, int orderEdges) {
    if (h == null) return null;
    ListAppendColumns a = new ListAppendColumns(h);
    h = null;
    if (!a.transactions((orderEdges & Edges.REALTIME) == 0 && (orderEdges & Edges.PROCESS) != 0)) return null;
    if (!a.scanTransactions()) return null;
    if (!a.indexVersions() || !a.scanReads() || a.lostUpdate() || a.dirtyUpdate()) return null;
    return new Clean(a.count, a.inv, a.comp, a.type, a.buildGraph(orderEdges));
  }

  /** As {@link Txns#of}: each transaction's invocation, completion, outcome and the op whose micro-ops count. */
  private boolean transactions(boolean keepProcess) {
    int n = 0;
    for (int i = 0; i < h.size(); i++) if (isTxnInvoke(i)) n++;
    count = n;
    inv = new int[n];
    comp = new int[n];
    src = new int[n];
    type = new byte[n];
    if (keepProcess) process = new long[n];
    int t = 0;
    for (int i = 0; i < h.size(); i++) {
      if (!isTxnInvoke(i)) continue;
      int partner = h.partnerOf(i);
      int done = partner > i ? partner : -1;
      inv[t] = i;
      comp[t] = done;
      type[t] = done < 0 ? Txns.INFO : switch (h.type(done)) {
        case OK -> Txns.OK;
        case FAIL -> Txns.FAIL;
        default -> Txns.INFO;
      };
      src[t] = type[t] == Txns.OK ? done : i;
      if (keepProcess) process[t] = h.process(i);
      if (h.mopCount(src[t]) < 0) return false;
      totalMops += h.mopCount(src[t]);
      t++;
    }
    if (totalMops > Integer.MAX_VALUE / 2) return false;
    int m = (int) totalMops;
    mopStart = new int[n + 1];
    mopKind = new byte[m];
    mopKey = new int[m];
    mopEid = new int[m];
    mopVal = new int[m];
    Arrays.fill(recentId, -1);
    readMops();
    h = null;
    return true;
  }

  /** Each transaction's micro-ops into flat arrays, keys as ids; the element slots, sized by each key's appends. */
  private void readMops() {
    int[] appends = new int[64];
    int at = 0;
    for (int t = 0; t < count; t++) {
      mopStart[t] = at;
      int s = src[t];
      int n = h.mopCount(s);
      for (int i = 0; i < n; i++, at++) {
        int k = keyId(h.key(s, i));
        mopKey[at] = k;
        mopEid[at] = -1;
        if (h.isAppend(s, i)) {
          mopKind[at] = APPEND;
          mopVal[at] = h.appended(s, i);
          if (k >= appends.length) appends = Arrays.copyOf(appends, Math.max(k + 1, appends.length * 2));
          appends[k]++;
        } else {
          mopKind[at] = READ;
          mopVal[at] = h.readLength(s, i);
        }
      }
    }
    mopStart[count] = at;
    // keys only ever read have no appends counted
    if (appends.length < keyIds.size()) appends = Arrays.copyOf(appends, keyIds.size());
    elements = new ElementSlots(appends, keyIds.size());
    writer = new int[elements.size()];
    pos = new int[elements.size()];
    intermediate = new byte[elements.size()];
    Arrays.fill(writer, -1);
    Arrays.fill(pos, -1);
  }

  private boolean isTxnInvoke(int i) {
    return h.type(i) == OpType.INVOKE && h.isTxn(i);
  }

  private int keyId(long key) {
    int r = (int) key & (recentKey.length - 1);
    if (recentId[r] >= 0 && recentKey[r] == key) return recentId[r];
    int id = newKeyId(key);
    recentKey[r] = key;
    recentId[r] = id;
    return id;
  }

  private int newKeyId(long key) {
    int known = keyIds.size();
    int k = keyIds.intern(key);
    if (k < known) return k;
    if (k == longestTxn.length) {
      longestTxn = Arrays.copyOf(longestTxn, k * 2);
      longestLen = Arrays.copyOf(longestLen, k * 2);
      keyElems = Arrays.copyOf(keyElems, k * 2);
    }
    longestTxn[k] = -1;
    keyElems[k] = h.longestRead(key);
    return k;
  }

  /** Pass 1: intern appends, each key's longest read, the checks within a transaction. */
  private boolean scanTransactions() {
    for (int t = 0; t < count; t++) {
      int end = mopStart[t + 1];
      boolean repeated = false;
      for (int at = mopStart[t]; at < end; at++) {
        int k = mopKey[at];
        boolean append = mopKind[at] == APPEND;
        for (int j = mopStart[t]; j < at; j++) {
          if (mopKey[j] == k) {
            repeated = true;
            if (mopKind[j] == APPEND && append) intermediate[mopEid[j]] = 1;
          }
        }
        if (append) {
          int e = elements.intern(k, mopVal[at]);
          if (e < 0 || writer[e] >= 0) return false; // appended twice: malformed, the analyzer says where
          writer[e] = t;
          mopEid[at] = e;
        } else {
          int len = mopVal[at];
          if (len >= 0 && type[t] != Txns.FAIL && (longestTxn[k] < 0 || len > longestLen[k])) {
            longestTxn[k] = t;
            longestLen[k] = len;
          }
        }
      }
      if (repeated && type[t] == Txns.OK && !txnChecks(t, end)) return false;
    }
    return true;
  }

  /** {@link TxnChecks} for transaction t (micro-ops up to {@code end}): false on internal or future-read. */
  private boolean txnChecks(int t, int end) {
    int start = mopStart[t];
    for (int at = start; at < end; at++) {
      int k = mopKey[at];
      if (mopKind[at] == APPEND) {
        boolean firstAppend = true;
        int firstRead = -1;
        for (int j = start; j < at; j++) {
          if (mopKey[j] != k) continue;
          if (mopKind[j] == APPEND) {
            firstAppend = false;
          } else {
            if (firstRead < 0 && firstAppend) firstRead = j;
            if (mopVal[j] > 0 && indexOf(keyElems[k], mopVal[j], mopVal[at]) >= 0) return false;
          }
        }
        if (firstAppend && firstRead >= 0) {
          lostTxn.add(t);
          lostAt.add(firstRead);
        }
      } else if (!internallyConsistent(start, at, k)) {
        return false;
      }
    }
    return true;
  }

  /** Where v is among the first len elements of el, or -1. */
  private static int indexOf(int[] el, int len, int v) {
    for (int i = 0; i < len; i++) if (el[i] == v) return i;
    return -1;
  }

  /**
   * Whether the read at {@code at} agrees with the transaction's earlier reads and appends of key k.
   * Two reads of k are prefixes of one list, so the later one extends the earlier one.
   */
  private boolean internallyConsistent(int start, int at, int k) {
    int lastRead = -1;
    for (int j = at - 1; j >= start; j--) {
      if (mopKey[j] == k && mopKind[j] == READ) {
        lastRead = j;
        break;
      }
    }
    int appends = 0;
    for (int j = lastRead >= 0 ? lastRead + 1 : start; j < at; j++) if (mopKey[j] == k && mopKind[j] == APPEND) appends++;
    if (lastRead < 0 && appends == 0) return true;
    int readLen = Math.max(0, mopVal[at]);
    int known = lastRead >= 0 ? Math.max(0, mopVal[lastRead]) : 0;
    if (lastRead >= 0 ? readLen != known + appends : readLen < appends) return false;
    int[] el = keyElems[k];
    int p = lastRead >= 0 ? known : readLen - appends;
    for (int j = lastRead >= 0 ? lastRead + 1 : start; j < at; j++) {
      if (mopKey[j] == k && mopKind[j] == APPEND && el[p++] != mopVal[j]) return false;
    }
    return true;
  }

  /** Pass 2: each key's version order from its longest read. */
  private boolean indexVersions() {
    int nk = keyIds.size();
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
      if (longestTxn[k] < 0) continue;
      int[] el = keyElems[k];
      for (int i = 0; i < longestLen[k]; i++) {
        int e = elements.intern(k, el[i]);
        if (e < 0) return false; // more elements no one appended than the key's slots hold
        if (pos[e] >= 0) {
          if (dupPos[k] < 0) dupPos[k] = i;
        } else {
          pos[e] = i;
        }
        slotEid[base[k] + 1 + i] = e;
        int w = writer[e];
        if (w < 0) {
          if (garbagePos[k] < 0) garbagePos[k] = i;
        } else if (type[w] == Txns.FAIL && failedPos[k] < 0) {
          failedPos[k] = i;
        }
      }
    }
    return true;
  }

  private int len(int k) {
    return longestTxn[k] < 0 ? 0 : longestLen[k];
  }

  /** Pass 3: every read must be clean; index readers by the version they observed. */
  private boolean scanReads() {
    IntList rSlot = new IntList((int) (totalMops / 2 + 16));
    IntList rTxn = new IntList((int) (totalMops / 2 + 16));
    for (int t = 0; t < count; t++) {
      byte ty = type[t];
      if (ty == Txns.FAIL) continue;
      for (int at = mopStart[t]; at < mopStart[t + 1]; at++) {
        if (mopKind[at] != READ) continue;
        if (mopVal[at] < 0 && ty != Txns.OK) continue; // an indeterminate read observed nothing
        int k = mopKey[at];
        int n = Math.max(0, mopVal[at]);
        if (n > len(k)) return false; // incompatible-order: longer than the key's longest committed read
        if (dupPos[k] >= 0 && n > dupPos[k]) return false; // duplicate-elements
        if (n > 0) mopEid[at] = slotEid[base[k] + n];
        if (ty == Txns.OK && !cleanRead(t, k, n, mopEid[at])) return false;
        int slot = n == 0 ? base[k] : mopEid[at] >= 0 && pos[mopEid[at]] >= 0 ? base[k] + pos[mopEid[at]] + 1 : -1;
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
    int[] fill = Arrays.copyOf(readerOffs, slots);
    for (int i = 0; i < rSlot.size(); i++) readers[fill[rSlot.get(i)]++] = rTxn.get(i);
    return true;
  }

  /** No G1a, garbage or G1b in a committed, compatible read of n elements of key k. */
  private boolean cleanRead(int t, int k, int n, int last) {
    if (n == 0) return true;
    if (failedPos[k] >= 0 && n > failedPos[k]) {
      for (int j = failedPos[k]; j < n; j++) {
        int w = writer[slotEid[base[k] + 1 + j]];
        if (w >= 0 && type[w] == Txns.FAIL) return false;
      }
    }
    if (garbagePos[k] >= 0 && n > garbagePos[k]) {
      for (int j = garbagePos[k]; j < n; j++) {
        int e = slotEid[base[k] + 1 + j];
        if (e < 0 || writer[e] < 0) return false;
      }
    }
    return last < 0 || intermediate[last] == 0 || writer[last] == t;
  }

  /** Whether two committed transactions read the same version of a key and then both appended to it. */
  private boolean lostUpdate() {
    LongIds seen = new LongIds(lostTxn.size());
    for (int i = 0; i < lostTxn.size(); i++) {
      int at = lostAt.get(i);
      long version = ((long) mopKey[at] << 32) | Math.max(0, mopVal[at]);
      int before = seen.size();
      seen.intern(version);
      if (seen.size() == before) return true;
    }
    return false;
  }

  /** Whether a committed append directly follows a failed one in some key's version order. */
  private boolean dirtyUpdate() {
    for (int k = 0; k < keyIds.size(); k++) {
      if (longestTxn[k] < 0 || failedPos[k] < 0) continue;
      byte prevType = Txns.OK;
      for (int i = 0; i < longestLen[k]; i++) {
        int w = writer[slotEid[base[k] + 1 + i]];
        if (w < 0) continue;
        if (type[w] == Txns.OK) {
          if (prevType == Txns.FAIL) return true;
          prevType = Txns.OK;
        } else if (type[w] == Txns.FAIL) {
          prevType = Txns.FAIL;
        }
      }
    }
    return false;
  }

  /** Pass 4: the edges into each transaction, then process or realtime order. */
  private TxnGraph buildGraph(int orderEdges) {
    GraphBuilder gb = new GraphBuilder(count, (int) Math.min(Integer.MAX_VALUE / 4, 2 * totalMops + 3L * count));
    for (int t = 0; t < count; t++) {
      if (type[t] == Txns.FAIL) continue;
      gb.beginTarget(t);
      for (int at = mopStart[t]; at < mopStart[t + 1]; at++) {
        int e = mopEid[at];
        if (mopKind[at] == READ) {
          if (e < 0) continue;
          int w = writer[e];
          if (w >= 0 && type[w] != Txns.FAIL) gb.add(w, Edges.WR);
        } else {
          int k = mopKey[at];
          int prev = base[k] + (pos[e] >= 0 ? pos[e] : len(k));
          if (prev != base[k]) {
            int w = writer[slotEid[prev]];
            if (w >= 0 && type[w] != Txns.FAIL) gb.add(w, Edges.WW);
          }
          for (int r = readerOffs[prev]; r < readerOffs[prev + 1]; r++) gb.add(readers[r], Edges.RW);
        }
      }
      gb.endTarget();
    }
    if ((orderEdges & Edges.REALTIME) != 0) {
      int[] invokes = new int[count];
      int[] completes = new int[count];
      for (int t = 0; t < count; t++) {
        boolean in = type[t] != Txns.FAIL;
        invokes[t] = in ? inv[t] : -1;
        completes[t] = in && type[t] == Txns.OK ? comp[t] : -1;
      }
      gb.addRealtimeOrder(invokes, completes, opCount);
    } else if ((orderEdges & Edges.PROCESS) != 0) {
      Map<Long, IntList> byProcess = new LinkedHashMap<>();
      for (int t = 0; t < count; t++) {
        if (type[t] == Txns.OK) byProcess.computeIfAbsent(process[t], p -> new IntList()).add(t);
      }
      List<int[]> chains = new ArrayList<>(byProcess.size());
      for (IntList l : byProcess.values()) {
        int[] chain = new int[l.size()];
        for (int i = 0; i < chain.length; i++) chain[i] = l.get(i);
        chains.add(chain);
      }
      gb.addProcessOrder(chains);
    }
    return gb.build();
  }
}
