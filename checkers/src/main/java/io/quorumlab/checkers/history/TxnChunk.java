package io.quorumlab.checkers.history;

import java.util.Arrays;
import java.util.List;

/**
 * The ops of one chunk of lines in columns (see {@link TxnColumns}): per op its type, process and
 * f, and for a transaction whose value is a list of list-append micro-ops, those micro-ops: kind,
 * key, appended element or read elements (in one array for the chunk, while the chunk is parsed).
 * {@link #finish} then keeps of each read only its length: see there.
 */
final class TxnChunk {
  static final byte APPEND = 1;
  static final byte READ = 0;

  int ops;
  byte[] type = new byte[1024];
  long[] process = new long[1024];
  String[] f = new String[1024];
  int[] mopStart = new int[1024];
  /** -1: the value is not a list of list-append micro-ops of integers. */
  int[] mopCount = new int[1024];

  int mops;
  byte[] kind = new byte[4096];
  long[] key = new long[4096];
  /**
   * An append's element; a read's first element in {@link #elems} (-1 for nil) until
   * {@link #finish}, then its length (-1 for nil).
   */
  int[] val = new int[4096];
  /** A read's length, until {@link #finish}. */
  int[] len = new int[4096];

  int elemCount;
  int[] elems = new int[1 << 16];

  /** After {@link #finish}: the keys read with a value in this chunk, and each one's longest read here. */
  long[] readKeys;
  int[][] longestReads;

  /** Set when a line could not be read, or two reads of a key disagree: the whole read gives up. */
  boolean failed;

  void addOp(OpType t, long p, String fn, int mopFrom, int count) {
    if (ops == type.length) {
      int cap = ops * 2;
      type = Arrays.copyOf(type, cap);
      process = Arrays.copyOf(process, cap);
      f = Arrays.copyOf(f, cap);
      mopStart = Arrays.copyOf(mopStart, cap);
      mopCount = Arrays.copyOf(mopCount, cap);
    }
    type[ops] = (byte) t.ordinal();
    process[ops] = p;
    f[ops] = fn;
    mopStart[ops] = mopFrom;
    mopCount[ops] = count;
    ops++;
  }

  void addMop(byte k, long keyValue, int v, int n) {
    if (mops == kind.length) {
      int cap = mops * 2;
      kind = Arrays.copyOf(kind, cap);
      key = Arrays.copyOf(key, cap);
      val = Arrays.copyOf(val, cap);
      len = Arrays.copyOf(len, cap);
    }
    kind[mops] = k;
    key[mops] = keyValue;
    val[mops] = v;
    len[mops] = n;
    mops++;
  }

  void addElem(int e) {
    if (elemCount == elems.length) elems = Arrays.copyOf(elems, elemCount * 2);
    elems[elemCount++] = e;
  }

  /** An op read by the general reader, its value put in columns when it is list-append micro-ops. */
  void addOp(Op op) {
    int from = mops;
    int elemFrom = elemCount;
    int count = "txn".equals(op.f()) ? addMops(op.value()) : 0;
    if (count < 0) {
      mops = from;
      elemCount = elemFrom;
    }
    addOp(op.type(), op.process(), op.f(), from, count);
  }

  private int addMops(Object value) {
    if (!(value instanceof List<?> list)) return -1;
    for (Object m : list) {
      if (!(m instanceof List<?> mop) || mop.size() != 3 || !(integer(mop.get(1)))) return -1;
      long k = ((Number) mop.get(1)).longValue();
      Object v = mop.get(2);
      if ("append".equals(mop.get(0)) && fitsInt(v)) {
        addMop(APPEND, k, ((Number) v).intValue(), 0);
      } else if ("r".equals(mop.get(0)) && v == null) {
        addMop(READ, k, -1, 0);
      } else if ("r".equals(mop.get(0)) && v instanceof List<?> read) {
        int at = elemCount;
        for (Object x : read) {
          if (!fitsInt(x)) return -1;
          addElem(((Number) x).intValue());
        }
        addMop(READ, k, at, read.size());
      } else {
        return -1;
      }
    }
    return list.size();
  }

  private static boolean integer(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }

  private static boolean fitsInt(Object v) {
    return integer(v) && ((Number) v).longValue() == ((Number) v).intValue();
  }

  /**
   * Makes the chunk small for the rest of the check, on the reader thread that parsed it. Each
   * read becomes its length: the reads of a key that no anomaly touches are prefixes of one another
   * (two that are not are an incompatible order, or reads of an aborted transaction that Elle ignores;
   * either way the general path judges, so the chunk fails), so a read's elements are the first ones
   * of the key's longest read, kept once per key ({@link #longestReads}, merged over the chunks by
   * {@link TxnColumns}). The micro-ops of an invocation that the same process completes ok later in
   * the chunk are dropped: the analysis takes an ok transaction's micro-ops from its completion. The
   * micro-op arrays are cut to their size.
   */
  void finish() {
    if (failed) return;
    LongIds keys = new LongIds(64);
    long[] keyOf = new long[64];
    int[] idOf = new int[mops];
    int[] at = new int[64];
    int[] longest = new int[64];
    for (int m = 0; m < mops; m++) {
      if (kind[m] != READ || val[m] < 0) continue;
      int known = keys.size();
      int id = keys.intern(key[m]);
      if (id == at.length) {
        keyOf = Arrays.copyOf(keyOf, id * 2);
        at = Arrays.copyOf(at, id * 2);
        longest = Arrays.copyOf(longest, id * 2);
      }
      if (id == known || len[m] > longest[id]) {
        keyOf[id] = key[m];
        at[id] = val[m];
        longest[id] = len[m];
      }
      idOf[m] = id;
    }
    readKeys = Arrays.copyOf(keyOf, keys.size());
    longestReads = new int[keys.size()][];
    for (int id = 0; id < longestReads.length; id++) longestReads[id] = Arrays.copyOfRange(elems, at[id], at[id] + longest[id]);
    if (!compact(completedOk(), idOf)) {
      failed = true;
      return;
    }
    elems = null;
    len = null;
  }

  /**
   * Per op, whether it is an invocation that the next op of its process in this chunk completes ok.
   * The next op of each process is remembered in a small direct-mapped table: when two processes
   * share a slot one is forgotten, and its invocation merely keeps its micro-ops.
   */
  private boolean[] completedOk() {
    boolean[] ok = new boolean[ops];
    long[] slotProcess = new long[1024];
    byte[] nextType = new byte[1024];
    Arrays.fill(nextType, (byte) -1);
    for (int i = ops - 1; i >= 0; i--) {
      long p = process[i];
      int slot = (int) (p ^ (p >>> 32)) & (slotProcess.length - 1);
      byte after = slotProcess[slot] == p ? nextType[slot] : -1;
      slotProcess[slot] = p;
      nextType[slot] = type[i];
      ok[i] = type[i] == OpType.INVOKE.ordinal() && p != Op.NEMESIS && after == OpType.OK.ordinal();
    }
    return ok;
  }

  /**
   * Keeps the micro-ops of the ops not dropped, reads as their lengths, in arrays of their size;
   * false when a read (of any op) is not a prefix of its key's longest read in the chunk.
   */
  private boolean compact(boolean[] drop, int[] idOf) {
    int kept = 0;
    for (int i = 0; i < ops; i++) if (!drop[i] && mopCount[i] > 0) kept += mopCount[i];
    byte[] kind2 = new byte[kept];
    long[] key2 = new long[kept];
    int[] val2 = new int[kept];
    int at = 0;
    for (int i = 0; i < ops; i++) {
      int n = mopCount[i];
      int from = mopStart[i];
      mopStart[i] = at;
      for (int m = from; m < from + n; m++) {
        boolean read = kind[m] == READ;
        if (read && val[m] >= 0) {
          int[] l = longestReads[idOf[m]];
          if (!Arrays.equals(elems, val[m], val[m] + len[m], l, 0, len[m])) return false;
        }
        if (drop[i]) continue;
        kind2[at] = kind[m];
        key2[at] = key[m];
        val2[at++] = read && val[m] >= 0 ? len[m] : val[m];
      }
      if (drop[i]) mopCount[i] = 0; // never looked at: the completion's micro-ops count
    }
    assert at == kept;
    kind = kind2;
    key = key2;
    val = val2;
    mops = kept;
    return true; // the per-op arrays are copied into the history's and dropped as the chunk is joined
  }
}
