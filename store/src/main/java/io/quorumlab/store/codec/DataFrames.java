package io.quorumlab.store.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What the {@link java.io.DataOutput}-based message codecs (hints, gossip, anti-entropy) share:
 * whole-message encoding and decoding, and length-prefixed counts and byte strings whose lengths are
 * checked against a limit, so a corrupt or hostile frame fails with an {@link IOException} instead of
 * allocating without bound. {@code message} names the kind of message in errors ("gossip message").
 */
public final class DataFrames {
  private DataFrames() {}

  /** Writes one message's fields. */
  @FunctionalInterface
  public interface Writer<M> {
    void write(M message, DataOutput out) throws IOException;
  }

  /** Reads one message's fields. */
  @FunctionalInterface
  public interface Reader<M> {
    M read(DataInput in) throws IOException;
  }

  public static <M> byte[] encode(M message, Writer<? super M> writer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      writer.write(message, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a whole message; trailing bytes are an error. */
  public static <M> M decode(byte[] bytes, Reader<? extends M> reader, String message) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(bytes);
    M decoded = reader.read(new DataInputStream(in));
    if (in.available() > 0) {
      throw new IOException(message + " has " + in.available() + " trailing bytes");
    }
    return decoded;
  }

  /** An int count of {@code what}, refused when negative or above {@code max}. */
  public static int count(DataInput in, int max, String message, String what) throws IOException {
    int count = in.readInt();
    if (count < 0 || count > max) {
      throw new IOException(message + " claims " + count + " " + what + " (limit " + max + ")");
    }
    return count;
  }

  public static void writeBytes(byte[] bytes, DataOutput out) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  /** An int length and that many bytes; the length is checked as {@code "<what> bytes"}. */
  public static byte[] readBytes(DataInput in, int max, String message, String what) throws IOException {
    byte[] bytes = new byte[count(in, max, message, what + " bytes")];
    in.readFully(bytes);
    return bytes;
  }
}
