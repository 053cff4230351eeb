package io.quorumlab.checkers.history;

import java.util.Arrays;
import java.util.List;

/**
 * The ops of one chunk of lines in columns (see {@link TxnColumns}): per op its type, process and
 * f, and for a transaction whose value is a list of list-append micro-ops, those micro-ops: kind,
 * key, appended element or read elements (in one array for the chunk).
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
  /** An append's element; a read's first element in {@link #elems}, -1 for nil. */
  int[] val = new int[4096];
  int[] len = new int[4096];

  int elemCount;
  int[] elems = new int[1 << 16];

  /** Set when a line could not be read: the whole read gives up. */
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
}
