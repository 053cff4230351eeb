package io.quorumlab.store.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable big-endian byte buffer with varints, the building block of every encoding here. */
public final class BinaryWriter {
  private byte[] buf;
  private int size;

  public BinaryWriter() {
    this(64);
  }

  public BinaryWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  /** Makes room for {@code extra} more bytes up front, so that writing them never grows the array twice. */
  public BinaryWriter reserve(int extra) {
    ensure(extra);
    return this;
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public BinaryWriter writeByte(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  public BinaryWriter writeLong(long v) {
    ensure(8);
    for (int shift = 56; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
    return this;
  }

  public BinaryWriter writeInt(int v) {
    ensure(4);
    for (int shift = 24; shift >= 0; shift -= 8) {
      buf[size++] = (byte) (v >>> shift);
    }
    return this;
  }

  /** Unsigned LEB128; negative values take ten bytes. */
  public BinaryWriter writeVarLong(long v) {
    if (buf.length - size < 10) {
      // Near the end, ask for this value's bytes only: a writer sized exactly then fills up and
      // hands out its array without a copy (toByteArray).
      ensure(varLongSize(v));
    }
    while ((v & ~0x7FL) != 0) {
      buf[size++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[size++] = (byte) v;
    return this;
  }

  public BinaryWriter writeRaw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
    return this;
  }

  public BinaryWriter writeBytes(byte[] bytes) {
    writeVarLong(bytes.length);
    return writeRaw(bytes);
  }

  /** Length + 1, so that 0 encodes null (a tombstone's value). */
  public BinaryWriter writeNullableBytes(byte[] bytes) {
    if (bytes == null) {
      return writeVarLong(0);
    }
    writeVarLong(bytes.length + 1L);
    return writeRaw(bytes);
  }

  public BinaryWriter writeString(String s) {
    int n = s.length();
    if (n < 0x80) {
      // Short ASCII (every member id, for one): its UTF-8 is its chars, written without the array
      // getBytes would make. A one-byte varint length, as writeBytes would write.
      ensure(1 + n);
      int start = size;
      buf[start] = (byte) n;
      for (int i = 0; i < n; i++) {
        char c = s.charAt(i);
        if (c >= 0x80) {
          return writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
        buf[start + 1 + i] = (byte) c;
      }
      size = start + 1 + n;
      return this;
    }
    return writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  public BinaryWriter writeNullableString(String s) {
    return writeNullableBytes(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
  }

  public int size() {
    return size;
  }

  /** The bytes a {@link #writeVarLong} of {@code v} writes. */
  public static int varLongSize(long v) {
    return v == 0 ? 1 : (63 - Long.numberOfLeadingZeros(v)) / 7 + 1;
  }

  /** Forgets what was written, keeping the array: a writer reused for one message after another. */
  public BinaryWriter clear() {
    size = 0;
    return this;
  }

  /**
   * The bytes written. A writer that is exactly full hands out its own array instead of a copy: a
   * later write cannot change it, since it finds no room and grows into a new array. A writer sized
   * exactly for its message (a frame around a payload, say) so copies nothing.
   */
  public byte[] toByteArray() {
    return size == buf.length ? buf : Arrays.copyOf(buf, size);
  }

  /** The internal array (valid up to {@link #size()}), to hand to a transport without a copy. */
  public byte[] array() {
    return buf;
  }
}
