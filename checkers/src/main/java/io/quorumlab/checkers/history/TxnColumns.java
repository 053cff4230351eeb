package io.quorumlab.checkers.history;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * A list-append history in columns rather than one {@link Op} per line: per op its type, process,
 * whether it is a transaction and its partner; per transaction op its micro-ops as kinds, integer
 * keys, appended elements and read lengths in arrays shared by a chunk of lines; per key the longest
 * list any op read, of which every read of the key is a prefix (else the read gives up: see
 * {@link TxnChunk#finish}). The micro-ops of an invocation completed ok may be gone (the
 * completion's count). This is what
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
  private final Map<Long, int[]> longest;

  private TxnColumns(int size, byte[] type, long[] process, boolean[] txn, int[] chunkOf, int[] mopStart, int[] mopCount,
      TxnChunk[] chunks, int[] partner, Map<Long, int[]> longest) {
    this.size = size;
    this.type = type;
    this.process = process;
    this.txn = txn;
    this.chunkOf = chunkOf;
    this.mopStart = mopStart;
    this.mopCount = mopCount;
    this.chunks = chunks;
    this.partner = partner;
    this.longest = longest;
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

  /** The length of the list a read micro-op read, or -1 when it read nil: its elements are the first of {@link #longestRead}. */
  public int readLength(int op, int i) {
    return chunks[chunkOf[op]].val[mopStart[op] + i];
  }

  /** The longest list any op read of the key (null when none read a list): every read of it is a prefix. */
  public int[] longestRead(long key) {
    return longest.get(key);
  }

  /** Thrown by a joiner to stop the read: some line is not what the columns hold. */
  private static final class GiveUp extends Exception {
    GiveUp() {
      super(null, null, false, false);
    }
  }

  /** Reads the lines from {@code start} into columns; null when some line does not fit them or is bad. */
  static TxnColumns read(FileChannel ch, long start, HistoryFormat format, Path file, LongConsumer progress) throws IOException {
    return read(ch, start, format, file, progress, ChunkedLines.CHUNK);
  }

  /** As {@link #read(FileChannel, long, HistoryFormat, Path, LongConsumer)}, in chunks of about {@code chunkBytes}. */
  static TxnColumns read(FileChannel ch, long start, HistoryFormat format, Path file, LongConsumer progress, int chunkBytes)
      throws IOException {
    boolean json = format == HistoryFormat.JSONL;
    List<TxnChunk> chunks = new ArrayList<>();
    Map<Long, int[]> longest = new HashMap<>();
    int[] ops = {0};
    try {
      ChunkedLines.read(ch, start, chunkBytes, (buf, end) -> new TxnLineParser(json, file).parse(buf, end), c -> {
        if (c.failed || (long) ops[0] + c.ops > Integer.MAX_VALUE - 16 || !mergeLongest(longest, c)) throw new GiveUp();
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
    return new TxnColumns(n, type, process, txn, chunkOf, mopStart, mopCount, chunks.toArray(new TxnChunk[0]), partner, longest);
  }

  /**
   * Each key's longest read so far, with a chunk's: false when one is not a prefix of the other.
   * Every read of a chunk is a prefix of the chunk's longest, which is a prefix of (or extends) the
   * longest of the chunks before; so every read of the file is a prefix of the final longest.
   */
  private static boolean mergeLongest(Map<Long, int[]> longest, TxnChunk c) {
    for (int i = 0; i < c.readKeys.length; i++) {
      int[] mine = c.longestReads[i];
      int[] before = longest.putIfAbsent(c.readKeys[i], mine);
      if (before == null) continue;
      int n = Math.min(before.length, mine.length);
      if (!Arrays.equals(before, 0, n, mine, 0, n)) return false;
      if (mine.length > before.length) longest.put(c.readKeys[i], mine);
    }
    c.readKeys = null;
    c.longestReads = null;
    return true;
  }
}
