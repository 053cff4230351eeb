package io.quorumlab.store.handoff;

import io.quorumlab.store.codec.DataFrames;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of {@link HintMessage}s: a type byte (1 batch, 2 ack), then the fields; byte strings
 * as an int length and the bytes. Counts and lengths are checked against limits on decoding.
 */
public final class HintCodec {
  private static final String MESSAGE = "hint message";
  static final byte BATCH = 1;
  static final byte ACK = 2;
  public static final int MAX_HINTS = 1 << 16;
  public static final int MAX_KEY_BYTES = 1 << 16;
  public static final int MAX_VALUE_BYTES = 64 << 20;

  private HintCodec() {}

  public static byte[] encode(HintMessage message) {
    return DataFrames.encode(message, HintCodec::write);
  }

  public static HintMessage decode(byte[] bytes) throws IOException {
    return DataFrames.decode(bytes, HintCodec::read, MESSAGE);
  }

  public static void write(HintMessage message, DataOutput out) throws IOException {
    if (message instanceof HintBatch batch) {
      out.writeByte(BATCH);
      out.writeUTF(batch.from());
      out.writeUTF(batch.owner());
      out.writeLong(batch.batchId());
      out.writeInt(batch.hints().size());
      for (Hint hint : batch.hints()) {
        out.writeLong(hint.id());
        out.writeLong(hint.createdAt());
        DataFrames.writeBytes(hint.key(), out);
        DataFrames.writeBytes(hint.value(), out);
      }
    } else if (message instanceof HintAck ack) {
      out.writeByte(ACK);
      out.writeUTF(ack.from());
      out.writeLong(ack.batchId());
      long[] ids = ack.hintIds();
      out.writeInt(ids.length);
      for (long id : ids) {
        out.writeLong(id);
      }
    }
  }

  public static HintMessage read(DataInput in) throws IOException {
    try {
      byte type = in.readByte();
      return switch (type) {
        case BATCH -> readBatch(in);
        case ACK -> {
          String from = in.readUTF();
          long batchId = in.readLong();
          long[] ids = new long[count(in, MAX_HINTS, "hint ids")];
          for (int i = 0; i < ids.length; i++) {
            ids[i] = in.readLong();
          }
          yield new HintAck(from, batchId, ids);
        }
        default -> throw new IOException("unknown hint message type " + type);
      };
    } catch (EOFException e) {
      throw new IOException("truncated hint message", e);
    }
  }

  private static HintBatch readBatch(DataInput in) throws IOException {
    String from = in.readUTF();
    String owner = in.readUTF();
    long batchId = in.readLong();
    int count = count(in, MAX_HINTS, "hints");
    List<Hint> hints = new ArrayList<>(Math.min(count, 1024));
    for (int i = 0; i < count; i++) {
      long id = in.readLong();
      long createdAt = in.readLong();
      byte[] key = DataFrames.readBytes(in, MAX_KEY_BYTES, MESSAGE, "key");
      byte[] value = DataFrames.readBytes(in, MAX_VALUE_BYTES, MESSAGE, "value");
      hints.add(new Hint(id, owner, key, value, createdAt));
    }
    return new HintBatch(from, owner, batchId, hints);
  }

  private static int count(DataInput in, int max, String what) throws IOException {
    return DataFrames.count(in, max, MESSAGE, what);
  }
}
