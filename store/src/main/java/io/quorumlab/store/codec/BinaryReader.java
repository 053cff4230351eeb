package io.quorumlab.store.codec;

import java.nio.charset.StandardCharsets;

/** Reads what {@link BinaryWriter} wrote; every read is bounds-checked and fails with {@link MalformedException}. */
public final class BinaryReader {
  private final byte[] buf;
  private int pos;
  private final int end;

  public BinaryReader(byte[] buf) {
    this(buf, 0, buf.length);
  }

  public BinaryReader(byte[] buf, int offset, int length) {
    this.buf = buf;
    this.pos = offset;
    this.end = offset + length;
  }

  private void need(int n, String what) {
    if (n < 0 || end - pos < n) {
      throw new MalformedException("truncated " + what + " (need " + n + " bytes, " + (end - pos) + " left)");
    }
  }

  public int readByte() {
    need(1, "byte");
    return buf[pos++] & 0xFF;
  }

  public long readLong() {
    need(8, "long");
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public int readInt() {
    need(4, "int");
    int v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (buf[pos++] & 0xFF);
    }
    return v;
  }

  public long readVarLong() {
    long v = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = readByte();
      v |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw new MalformedException("varint longer than ten bytes");
  }

  /** A non-negative varint that must fit in an int and be at most {@code max}. */
  public int readLength(int max, String what) {
    long v = readVarLong();
    if (v < 0 || v > max) {
      throw new MalformedException(what + " length " + v + " out of range (max " + max + ")");
    }
    return (int) v;
  }

  public byte[] readBytes(int max, String what) {
    int n = readLength(max, what);
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  public byte[] readNullableBytes(int max, String what) {
    long v = readVarLong();
    if (v == 0) {
      return null;
    }
    if (v < 0 || v - 1 > max) {
      throw new MalformedException(what + " length " + (v - 1) + " out of range (max " + max + ")");
    }
    int n = (int) (v - 1);
    need(n, what);
    byte[] out = new byte[n];
    System.arraycopy(buf, pos, out, 0, n);
    pos += n;
    return out;
  }

  /** Makes a value of a string's UTF-8 bytes where they lie, without copying them. */
  @FunctionalInterface
  public interface StringDecoder<T> {
    T decode(byte[] buf, int offset, int length);
  }

  /** Reads a length-prefixed string through {@code decoder} (which may return one it made before). */
  public <T> T readString(int max, String what, StringDecoder<T> decoder) {
    int n = readLength(max, what);
    need(n, what);
    T value = decoder.decode(buf, pos, n);
    pos += n;
    return value;
  }

  public String readString(int max, String what) {
    return new String(readBytes(max, what), StandardCharsets.UTF_8);
  }

  public String readNullableString(int max, String what) {
    byte[] b = readNullableBytes(max, what);
    return b == null ? null : new String(b, StandardCharsets.UTF_8);
  }

  public int remaining() {
    return end - pos;
  }

  public void expectEnd(String what) {
    if (pos != end) {
      throw new MalformedException((end - pos) + " trailing bytes after " + what);
    }
  }
}
