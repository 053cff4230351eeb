package io.quorumlab.store.transfer;

import io.quorumlab.store.antientropy.KeyValue;
import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.codec.BinaryReader;
import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.codec.MalformedException;
import java.util.ArrayList;
import java.util.List;

/** Binary form of {@link TransferMessage}s: a type byte, then varints, fixed longs and length-prefixed bytes. */
public final class TransferCodec {
  private static final int REQUEST = 1;
  private static final int BATCH = 2;
  private static final int ACK = 3;
  static final int MAX_ENTRIES = 1 << 20;
  static final int MAX_RANGES = 1 << 20;
  private static final int MAX_KEY_BYTES = 1 << 16;
  private static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 16;

  private TransferCodec() {}

  public static byte[] encode(TransferMessage message) {
    BinaryWriter out = new BinaryWriter(64);
    if (message instanceof TransferMessage.Request r) {
      out.writeByte(REQUEST).writeVarLong(r.stream()).writeVarLong(r.ranges().size());
      for (TokenRange range : r.ranges()) {
        out.writeLong(range.startExclusive()).writeLong(range.endInclusive());
      }
    } else if (message instanceof TransferMessage.Batch b) {
      out.writeByte(BATCH).writeVarLong(b.stream()).writeVarLong(b.seq()).writeByte(b.last() ? 1 : 0);
      out.writeVarLong(b.entries().size());
      for (KeyValue kv : b.entries()) {
        out.writeBytes(kv.key()).writeBytes(kv.value());
      }
    } else if (message instanceof TransferMessage.Ack a) {
      out.writeByte(ACK).writeVarLong(a.stream()).writeVarLong(a.seq());
    }
    return out.toByteArray();
  }

  /** Throws {@link MalformedException} for anything that is not exactly one message. */
  public static TransferMessage decode(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    int type = in.readByte();
    TransferMessage m = switch (type) {
      case REQUEST -> {
        long stream = in.readVarLong();
        int count = in.readLength(MAX_RANGES, "transfer ranges");
        List<TokenRange> ranges = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          ranges.add(new TokenRange(in.readLong(), in.readLong()));
        }
        yield new TransferMessage.Request(stream, ranges);
      }
      case BATCH -> {
        long stream = in.readVarLong();
        long seq = in.readVarLong();
        boolean last = in.readByte() != 0;
        int count = in.readLength(MAX_ENTRIES, "transfer entries");
        List<KeyValue> entries = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
          entries.add(new KeyValue(in.readBytes(MAX_KEY_BYTES, "key"), in.readBytes(MAX_VALUE_BYTES, "value")));
        }
        yield new TransferMessage.Batch(stream, seq, entries, last);
      }
      case ACK -> new TransferMessage.Ack(in.readVarLong(), in.readVarLong());
      default -> throw new MalformedException("unknown transfer message type " + type);
    };
    in.expectEnd("transfer message");
    return m;
  }
}
