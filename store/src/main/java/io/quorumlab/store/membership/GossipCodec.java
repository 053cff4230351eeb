package io.quorumlab.store.membership;

import io.quorumlab.store.codec.BinaryReader;
import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.codec.MalformedException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Binary form of {@link GossipMessage}s: a type byte (1 Syn, 2 Ack, 3 Ack2) and the fields, strings
 * as length-prefixed UTF-8, counts, generations and versions as varints, tokens as 8 bytes. A Syn
 * names every member, so a digest's size is what a cluster's gossip costs: with varints a digest of
 * a member "n123" restarted at an epoch-millis generation, at version 1000, is 13 bytes (22 as fixed
 * longs). Decoding checks every count against a limit, so a corrupt or hostile frame fails with an
 * {@link IOException} instead of allocating without bound.
 */
public final class GossipCodec {
  static final byte SYN = 1;
  static final byte ACK = 2;
  static final byte ACK2 = 3;
  /** More members than any cluster this store is meant for. */
  public static final int MAX_MEMBERS = 1 << 16;
  public static final int MAX_TOKENS = 1 << 16;
  private static final int MAX_STRING_BYTES = 1 << 16;

  private GossipCodec() {}

  /**
   * A writer per thread, reused for message after message: a syn names every member, and a fresh
   * writer sized for it cost an array of that size to allocate and zero for every message.
   */
  private static final ThreadLocal<BinaryWriter> SCRATCH = ThreadLocal.withInitial(() -> new BinaryWriter(256));

  public static byte[] encode(GossipMessage message) {
    BinaryWriter out = SCRATCH.get().clear();
    out.reserve(sizeGuess(message));
    if (message instanceof GossipSyn syn) {
      out.writeByte(SYN).writeString(syn.from());
      writeDigests(syn.digests(), out);
    } else if (message instanceof GossipAck ack) {
      out.writeByte(ACK).writeString(ack.from());
      writeDeltas(ack.deltas(), out);
      writeDigests(ack.requests(), out);
    } else if (message instanceof GossipAck2 ack2) {
      out.writeByte(ACK2).writeString(ack2.from());
      writeDeltas(ack2.deltas(), out);
    } else {
      throw new IllegalArgumentException("not a gossip message: " + message);
    }
    // Always a copy, never toByteArray: that may hand out the writer's own array, which the next
    // message overwrites.
    return Arrays.copyOf(out.array(), out.size());
  }

  /**
   * About the encoded size of a message whose ids are short and infos rare: a syn names every member,
   * so a writer that grew in small steps would copy it over and over (once per thread: it is kept).
   */
  private static int sizeGuess(GossipMessage message) {
    int entries = 0;
    if (message instanceof GossipSyn syn) {
      entries = syn.digests().size();
    } else if (message instanceof GossipAck ack) {
      entries = ack.deltas().size() + ack.requests().size();
    } else if (message instanceof GossipAck2 ack2) {
      entries = ack2.deltas().size();
    }
    return 64 + 20 * entries;
  }

  /** Decodes a whole message; trailing bytes are an error. */
  public static GossipMessage decode(byte[] bytes) throws IOException {
    BinaryReader in = new BinaryReader(bytes);
    MemberIds ids = MemberIds.forThisThread();
    try {
      int type = in.readByte();
      GossipMessage message = switch (type) {
        case SYN -> new GossipSyn(readId(in, ids), readDigests(in, ids));
        case ACK -> new GossipAck(readId(in, ids), readDeltas(in, ids), readDigests(in, ids));
        case ACK2 -> new GossipAck2(readId(in, ids), readDeltas(in, ids));
        default -> throw new IOException("unknown gossip message type " + type);
      };
      if (in.remaining() > 0) {
        throw new IOException("gossip message has " + in.remaining() + " trailing bytes");
      }
      return message;
    } catch (MalformedException e) {
      throw new IOException("malformed gossip message: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException("invalid gossip message: " + e.getMessage(), e);
    }
  }

  private static void writeDigests(List<Digest> digests, BinaryWriter out) {
    out.writeVarLong(digests.size());
    for (Digest d : digests) {
      out.writeString(d.id()).writeVarLong(d.generation()).writeVarLong(d.version());
    }
  }

  private static List<Digest> readDigests(BinaryReader in, MemberIds ids) throws IOException {
    int count = readCount(in, MAX_MEMBERS, "digests");
    FrozenList.Builder<Digest> digests = new FrozenList.Builder<>(count);
    for (int i = 0; i < count; i++) {
      digests.add(new Digest(readId(in, ids), in.readVarLong(), in.readVarLong()));
    }
    return digests.build();
  }

  private static void writeDeltas(List<MemberDelta> deltas, BinaryWriter out) {
    out.writeVarLong(deltas.size());
    for (MemberDelta d : deltas) {
      out.writeString(d.id()).writeVarLong(d.generation()).writeVarLong(d.version()).writeVarLong(d.infoVersion());
      out.writeByte(d.hasInfo() ? 1 : 0);
      if (d.hasInfo()) {
        MemberInfo info = d.info();
        out.writeString(info.address()).writeByte(info.status().ordinal()).writeVarLong(info.vnodes());
        long[] tokens = info.tokens();
        out.writeVarLong(tokens.length);
        for (long token : tokens) {
          out.writeLong(token);
        }
      }
    }
  }

  private static List<MemberDelta> readDeltas(BinaryReader in, MemberIds ids) throws IOException {
    int count = readCount(in, MAX_MEMBERS, "deltas");
    FrozenList.Builder<MemberDelta> deltas = new FrozenList.Builder<>(count);
    for (int i = 0; i < count; i++) {
      String id = readId(in, ids);
      long generation = in.readVarLong();
      long version = in.readVarLong();
      long infoVersion = in.readVarLong();
      MemberInfo info = switch (in.readByte()) {
        case 0 -> null;
        case 1 -> readInfo(in);
        default -> throw new IOException("invalid info flag in a gossip delta");
      };
      deltas.add(new MemberDelta(id, generation, version, infoVersion, info));
    }
    return deltas.build();
  }

  private static MemberInfo readInfo(BinaryReader in) throws IOException {
    String address = in.readString(MAX_STRING_BYTES, "address");
    int status = in.readByte();
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

  private static String readId(BinaryReader in, MemberIds ids) {
    return in.readString(MAX_STRING_BYTES, "member id", ids);
  }

  private static int readCount(BinaryReader in, int max, String what) throws IOException {
    long count = in.readVarLong();
    if (count < 0 || count > max) {
      throw new IOException("gossip message claims " + count + " " + what + " (limit " + max + ")");
    }
    return (int) count;
  }
}
