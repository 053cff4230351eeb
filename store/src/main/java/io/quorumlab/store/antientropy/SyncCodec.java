package io.quorumlab.store.antientropy;

import static io.quorumlab.store.codec.DataFrames.writeBytes;

import io.quorumlab.store.codec.DataFrames;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Binary form of {@link SyncMessage}s: a type byte (1 Start, 2 Hashes, 3 Keys, 4 Values, 5 Done)
 * and the fields; byte strings as an int length and the bytes, hashes as 8-byte longs, marks as a
 * bit count and ceil(count/8) bytes. Every count and length is checked against a limit on decoding.
 */
public final class SyncCodec {
  private static final String MESSAGE = "anti-entropy message";
  static final byte START = 1;
  static final byte HASHES = 2;
  static final byte KEYS = 3;
  static final byte VALUES = 4;
  static final byte DONE = 5;
  public static final int MAX_ITEMS = 1 << 22;
  public static final int MAX_MARKS = 2 << MerkleTree.MAX_DEPTH;
  public static final int MAX_KEY_BYTES = 1 << 16;
  public static final int MAX_VALUE_BYTES = 64 << 20;

  private SyncCodec() {}

  public static byte[] encode(SyncMessage message) {
    return DataFrames.encode(message, SyncCodec::write);
  }

  /** Size of {@link #encode}, computed from the lengths (for traffic accounting, without copying values). */
  public static long encodedSize(SyncMessage message) {
    long size = 1 + utfSize(message.from()) + 8;
    if (message instanceof SyncStart) {
      size += 8 + 8 + 1 + 8;
    } else if (message instanceof SyncHashes m) {
      size += marksSize(m.markedOf()) + 4 + 8L * m.childHashes().length;
    } else if (message instanceof SyncKeys m) {
      size += 1 + marksSize(m.markedOf()) + 4 + 1;
      for (KeyDigest entry : m.entries()) {
        size += 8L + entry.key().length + entry.digest().length;
      }
    } else if (message instanceof SyncValues m) {
      size += 4 + 4 + 1;
      for (KeyValue entry : m.values()) {
        size += 8L + entry.key().length + entry.value().length;
      }
      for (byte[] key : m.wanted()) {
        size += 4L + key.length;
      }
    } else if (message instanceof SyncDone m) {
      size += 1 + utfSize(m.detail());
    }
    return size;
  }

  private static long marksSize(int markedOf) {
    return 4 + (markedOf + 7) / 8;
  }

  /** Length of {@link DataOutput#writeUTF}: a 2-byte length and modified UTF-8. */
  private static long utfSize(String s) {
    long size = 2;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      size += (c >= 0x0001 && c <= 0x007F) ? 1 : (c <= 0x07FF ? 2 : 3);
    }
    return size;
  }

  public static SyncMessage decode(byte[] bytes) throws IOException {
    return DataFrames.decode(bytes, SyncCodec::read, MESSAGE);
  }

  public static void write(SyncMessage message, DataOutput out) throws IOException {
    if (message instanceof SyncStart m) {
      out.writeByte(START);
      header(m, out);
      out.writeLong(m.range().startExclusive());
      out.writeLong(m.range().endInclusive());
      out.writeByte(m.depth());
      out.writeLong(m.root());
    } else if (message instanceof SyncHashes m) {
      out.writeByte(HASHES);
      header(m, out);
      writeMarks(m.markedOf(), m.marked(), out);
      long[] hashes = m.childHashes();
      out.writeInt(hashes.length);
      for (long hash : hashes) {
        out.writeLong(hash);
      }
    } else if (message instanceof SyncKeys m) {
      out.writeByte(KEYS);
      header(m, out);
      out.writeBoolean(m.wholeRange());
      writeMarks(m.markedOf(), m.marked(), out);
      out.writeInt(m.entries().size());
      for (KeyDigest entry : m.entries()) {
        writeBytes(entry.key(), out);
        writeBytes(entry.digest(), out);
      }
      out.writeBoolean(m.last());
    } else if (message instanceof SyncValues m) {
      out.writeByte(VALUES);
      header(m, out);
      out.writeInt(m.values().size());
      for (KeyValue entry : m.values()) {
        writeBytes(entry.key(), out);
        writeBytes(entry.value(), out);
      }
      out.writeInt(m.wanted().size());
      for (byte[] key : m.wanted()) {
        writeBytes(key, out);
      }
      out.writeBoolean(m.last());
    } else if (message instanceof SyncDone m) {
      out.writeByte(DONE);
      header(m, out);
      out.writeByte(m.reason().ordinal());
      out.writeUTF(m.detail());
    }
  }

  public static SyncMessage read(DataInput in) throws IOException {
    try {
      byte type = in.readByte();
      String from = in.readUTF();
      long sessionId = in.readLong();
      return switch (type) {
        case START -> new SyncStart(from, sessionId, new TokenRange(in.readLong(), in.readLong()),
            in.readUnsignedByte(), in.readLong());
        case HASHES -> readHashes(from, sessionId, in);
        case KEYS -> readKeys(from, sessionId, in);
        case VALUES -> readValues(from, sessionId, in);
        case DONE -> readDone(from, sessionId, in);
        default -> throw new IOException("unknown anti-entropy message type " + type);
      };
    } catch (EOFException e) {
      throw new IOException("truncated anti-entropy message", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid anti-entropy message: " + e.getMessage(), e);
    }
  }

  private static void header(SyncMessage m, DataOutput out) throws IOException {
    out.writeUTF(m.from());
    out.writeLong(m.sessionId());
  }

  private static SyncHashes readHashes(String from, long sessionId, DataInput in) throws IOException {
    int markedOf = count(in, MAX_MARKS, "marks");
    BitSet marked = readMarks(markedOf, in);
    long[] hashes = new long[count(in, MAX_MARKS, "hashes")];
    for (int i = 0; i < hashes.length; i++) {
      hashes[i] = in.readLong();
    }
    return new SyncHashes(from, sessionId, markedOf, marked, hashes);
  }

  private static SyncKeys readKeys(String from, long sessionId, DataInput in) throws IOException {
    boolean wholeRange = in.readBoolean();
    int markedOf = count(in, MAX_MARKS, "marks");
    BitSet marked = readMarks(markedOf, in);
    int count = count(in, MAX_ITEMS, "key digests");
    List<KeyDigest> entries = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      entries.add(new KeyDigest(readBytes(in, MAX_KEY_BYTES, "key"), readBytes(in, MAX_KEY_BYTES, "digest")));
    }
    return new SyncKeys(from, sessionId, wholeRange, markedOf, marked, entries, in.readBoolean());
  }

  private static SyncValues readValues(String from, long sessionId, DataInput in) throws IOException {
    int count = count(in, MAX_ITEMS, "values");
    List<KeyValue> values = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      values.add(new KeyValue(readBytes(in, MAX_KEY_BYTES, "key"), readBytes(in, MAX_VALUE_BYTES, "value")));
    }
    int wantedCount = count(in, MAX_ITEMS, "wanted keys");
    List<byte[]> wanted = new ArrayList<>(Math.min(wantedCount, 1024));
    for (int i = 0; i < wantedCount; i++) {
      wanted.add(readBytes(in, MAX_KEY_BYTES, "key"));
    }
    return new SyncValues(from, sessionId, values, wanted, in.readBoolean());
  }

  private static SyncDone readDone(String from, long sessionId, DataInput in) throws IOException {
    int reason = in.readUnsignedByte();
    SyncDone.Reason[] reasons = SyncDone.Reason.values();
    if (reason >= reasons.length) {
      throw new IOException("unknown anti-entropy end reason " + reason);
    }
    return new SyncDone(from, sessionId, reasons[reason], in.readUTF());
  }

  private static void writeMarks(int markedOf, BitSet marked, DataOutput out) throws IOException {
    out.writeInt(markedOf);
    byte[] packed = new byte[(markedOf + 7) / 8];
    byte[] bits = marked.toByteArray();
    System.arraycopy(bits, 0, packed, 0, bits.length);
    out.write(packed);
  }

  private static BitSet readMarks(int markedOf, DataInput in) throws IOException {
    byte[] packed = new byte[(markedOf + 7) / 8];
    in.readFully(packed);
    BitSet marked = BitSet.valueOf(packed);
    if (marked.length() > markedOf) {
      throw new IOException("marks beyond the " + markedOf + " nodes they refer to");
    }
    return marked;
  }

  private static byte[] readBytes(DataInput in, int max, String what) throws IOException {
    return DataFrames.readBytes(in, max, MESSAGE, what);
  }

  private static int count(DataInput in, int max, String what) throws IOException {
    return DataFrames.count(in, max, MESSAGE, what);
  }
}
