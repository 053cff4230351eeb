package io.quorumlab.checkers.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A list-append history in columns rather than one {@link Op} per line: per op its type, process,
 * whether it is a transaction and its partner; per transaction op its micro-ops as kinds, integer
 * keys, appended elements, and read elements in int arrays shared by a chunk of lines. This is what
 * lets a list-append check of millions of transactions hold a few arrays instead of millions of
 * objects (see {@code ListAppendColumns} in the Elle checker). Made by
 * {@link Histories#readTxnColumns}, which gives up (and the caller reads the history the general
 * way) when a value does not fit: keys and elements that are not integers of an int's range, micro-ops
 * other than append and r.
 */
public final class TxnColumns {
  private static final OpType[] TYPES = OpType.values();

  private final int size;
  private final byte[] type;
  private final long[] process;
  private final boolean[] txn;
  private final int[] chunkOf;
  private final int[] mopStart;
  private final int[] mopCount;
  private final TxnChunk[] chunks;
  private final int[] partner;

  private TxnColumns(int size, byte[] type, long[] process, boolean[] txn, int[] chunkOf, int[] mopStart, int[] mopCount,
      TxnChunk[] chunks, int[] partner) {
    this.size = size;
    this.type = type;
    this.process = process;
    this.txn = txn;
    this.chunkOf = chunkOf;
    this.mopStart = mopStart;
    this.mopCount = mopCount;
    this.chunks = chunks;
    this.partner = partner;
  }

  /** The number of ops (lines with an op). */
  public int size() {
    return size;
  }

  public OpType type(int op) {
    return TYPES[type[op]];
  }

  public long process(int op) {
    return process[op];
  }

  /** Whether the op is a client transaction ({@code f txn}, not the nemesis). */
  public boolean isTxn(int op) {
    return txn[op] && process[op] != Op.NEMESIS;
  }

  /** The position of the op paired with {@code op}, or -1 (as {@link History#partnerOf}). */
  public int partnerOf(int op) {
    return partner[op];
  }

  /** The number of micro-ops of a transaction op, or -1 when its value is not list-append micro-ops over integers. */
  public int mopCount(int op) {
    return mopCount[op];
  }

  public boolean isAppend(int op, int i) {
    return chunks[chunkOf[op]].kind[mopStart[op] + i] == TxnChunk.APPEND;
  }

  public long key(int op, int i) {
    return chunks[chunkOf[op]].key[mopStart[op] + i];
  }

  /** The element an append micro-op appends. */
  public int appended(int op, int i) {
    return chunks[chunkOf[op]].val[mopStart[op] + i];
  }

  /** The length of the list a read micro-op read, or -1 when it read nil. */
  public int readLength(int op, int i) {
    int m = mopStart[op] + i;
    TxnChunk c = chunks[chunkOf[op]];
    return c.val[m] < 0 ? -1 : c.len[m];
  }

  /** The array holding the elements of the op's reads, at {@link #readOffset}. */
  public int[] readElements(int op) {
    return chunks[chunkOf[op]].elems;
  }

  public int readOffset(int op, int i) {
    return chunks[chunkOf[op]].val[mopStart[op] + i];
  }

  /** Thrown by a joiner to stop the read: some line is not what the columns hold. */
  private static final class GiveUp extends Exception {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  /** Reads the lines from {@code start} into columns; null when some line does not fit them or is bad. */
  static TxnColumns read(FileChannel ch, long start, HistoryFormat format, Path file, LongConsumer progress) throws IOException {
    boolean json = format == HistoryFormat.JSONL;
    List<TxnChunk> chunks = new ArrayList<>();
    int[] ops = {0};
    try {
      ChunkedLines.read(ch, start, (buf, end) -> new TxnLineParser(json, file).parse(buf, end), c -> {
        if (c.failed || (long) ops[0] + c.ops > Integer.MAX_VALUE - 16) throw new GiveUp();
        chunks.add(c);
        ops[0] += c.ops;
      }, progress);
    } catch (GiveUp e) {
      return null;
    }
    int n = ops[0];
    byte[] type = new byte[n];
    long[] process = new long[n];
    boolean[] txn = new boolean[n];
    String[] f = new String[n];
    int[] chunkOf = new int[n];
    int[] mopStart = new int[n];
    int[] mopCount = new int[n];
    int at = 0;
    for (int ci = 0; ci < chunks.size(); ci++) {
      TxnChunk c = chunks.get(ci);
      System.arraycopy(c.type, 0, type, at, c.ops);
      System.arraycopy(c.process, 0, process, at, c.ops);
      System.arraycopy(c.f, 0, f, at, c.ops);
      System.arraycopy(c.mopStart, 0, mopStart, at, c.ops);
      System.arraycopy(c.mopCount, 0, mopCount, at, c.ops);
      Arrays.fill(chunkOf, at, at + c.ops, ci);
      for (int i = 0; i < c.ops; i++) txn[at + i] = "txn".equals(c.f[i]);
      c.type = null;
      c.process = null;
      c.f = null;
      c.mopStart = null;
      c.mopCount = null;
      at += c.ops;
    }
    int[] partner;
    try {
      partner = Pairing.pair(new Pairing.Ops() {
        @Override
        public int size() {
          return n;
        }

        @Override
        public OpType type(int i) {
          return TYPES[type[i]];
        }

        @Override
        public long process(int i) {
          return process[i];
        }

        @Override
        public String f(int i) {
          return f[i];
        }

        @Override
        public long index(int i) {
          return i;
        }
      }, i -> 0, file);
    } catch (HistoryParseException e) {
      return null; // the general reader says where and why
    }
    return new TxnColumns(n, type, process, txn, chunkOf, mopStart, mopCount, chunks.toArray(new TxnChunk[0]), partner);
  }
}
