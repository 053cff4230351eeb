package io.quorumlab.store.membership;

import io.quorumlab.store.codec.DataFrames;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Binary form of {@link GossipMessage}s: a type byte (1 Syn, 2 Ack, 3 Ack2) and the fields, strings
 * as modified UTF-8, counts as ints. Decoding checks every count against a limit, so a corrupt or
 * hostile frame fails with an {@link IOException} instead of allocating without bound.
 */
public final class GossipCodec {
  private static final String MESSAGE = "gossip message";
  static final byte SYN = 1;
  static final byte ACK = 2;
  static final byte ACK2 = 3;
  /** More members than any cluster this store is meant for. */
  public static final int MAX_MEMBERS = 1 << 16;
  public static final int MAX_TOKENS = 1 << 16;

  private GossipCodec() {}

  public static byte[] encode(GossipMessage message) {
    return DataFrames.encode(message, GossipCodec::write);
  }

  /** Decodes a whole message; trailing bytes are an error. */
  public static GossipMessage decode(byte[] bytes) throws IOException {
    return DataFrames.decode(bytes, GossipCodec::read, MESSAGE);
  }

  public static void write(GossipMessage message, DataOutput out) throws IOException {
    if (message instanceof GossipSyn syn) {
      out.writeByte(SYN);
      out.writeUTF(syn.from());
      writeDigests(syn.digests(), out);
    } else if (message instanceof GossipAck ack) {
      out.writeByte(ACK);
      out.writeUTF(ack.from());
      writeDeltas(ack.deltas(), out);
      writeDigests(ack.requests(), out);
    } else if (message instanceof GossipAck2 ack2) {
      out.writeByte(ACK2);
      out.writeUTF(ack2.from());
      writeDeltas(ack2.deltas(), out);
    }
  }

  public static GossipMessage read(DataInput in) throws IOException {
    try {
      byte type = in.readByte();
      return switch (type) {
        case SYN -> new GossipSyn(in.readUTF(), readDigests(in));
        case ACK -> new GossipAck(in.readUTF(), readDeltas(in), readDigests(in));
        case ACK2 -> new GossipAck2(in.readUTF(), readDeltas(in));
        default -> throw new IOException("unknown gossip message type " + type);
      };
    } catch (EOFException e) {
      throw new IOException("truncated gossip message", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid gossip message: " + e.getMessage(), e);
    }
  }

  private static void writeDigests(List<Digest> digests, DataOutput out) throws IOException {
    out.writeInt(digests.size());
    for (Digest d : digests) {
      out.writeUTF(d.id());
      out.writeLong(d.generation());
      out.writeLong(d.version());
    }
  }

  private static List<Digest> readDigests(DataInput in) throws IOException {
    int count = readCount(in, MAX_MEMBERS, "digests");
    List<Digest> digests = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      digests.add(new Digest(in.readUTF(), in.readLong(), in.readLong()));
    }
    return digests;
  }

  private static void writeDeltas(List<MemberDelta> deltas, DataOutput out) throws IOException {
    out.writeInt(deltas.size());
    for (MemberDelta d : deltas) {
      out.writeUTF(d.id());
      out.writeLong(d.generation());
      out.writeLong(d.version());
      out.writeLong(d.infoVersion());
      out.writeBoolean(d.hasInfo());
      if (d.hasInfo()) {
        MemberInfo info = d.info();
        out.writeUTF(info.address());
        out.writeByte(info.status().ordinal());
        out.writeInt(info.vnodes());
        long[] tokens = info.tokens();
        out.writeInt(tokens.length);
        for (long token : tokens) {
          out.writeLong(token);
        }
      }
    }
  }

  private static List<MemberDelta> readDeltas(DataInput in) throws IOException {
    int count = readCount(in, MAX_MEMBERS, "deltas");
    List<MemberDelta> deltas = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String id = in.readUTF();
      long generation = in.readLong();
      long version = in.readLong();
      long infoVersion = in.readLong();
      MemberInfo info = in.readBoolean() ? readInfo(in) : null;
      deltas.add(new MemberDelta(id, generation, version, infoVersion, info));
    }
    return deltas;
  }

  private static MemberInfo readInfo(DataInput in) throws IOException {
    String address = in.readUTF();
    int status = in.readUnsignedByte();
    MemberStatus[] statuses = MemberStatus.values();
    if (status >= statuses.length) {
      throw new IOException("unknown member status " + status);
    }
    int vnodes = readCount(in, MAX_TOKENS, "vnodes");
    long[] tokens = new long[readCount(in, MAX_TOKENS, "tokens")];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = in.readLong();
    }
    return new MemberInfo(address, statuses[status], vnodes, tokens);
  }

  private static int readCount(DataInput in, int max, String what) throws IOException {
    return DataFrames.count(in, max, MESSAGE, what);
  }
}
