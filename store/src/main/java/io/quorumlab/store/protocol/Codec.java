package io.quorumlab.store.protocol;

import io.quorumlab.store.codec.BinaryReader;
import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.version.VersionCodec;
import java.util.ArrayList;
import java.util.List;

/**
 * The payload of one frame: a type byte, then the message's fields (varints, length-prefixed
 * bytes and UTF-8 strings). The 4-byte big-endian length prefix around it belongs to the
 * transport.
 */
public final class Codec {
  public static final int MAX_KEY_BYTES = 64 * 1024;
  static final int MAX_NODE_ID_BYTES = 255;
  static final int MAX_MESSAGE_BYTES = 64 * 1024;
  static final int MAX_BLOB = Integer.MAX_VALUE - 16;
  static final int MAX_SIBLINGS = 1 << 16;
  static final int MAX_PROOF_BYTES = 64;

  static final int GET = 0x01;
  static final int PUT = 0x02;
  static final int PING = 0x03;
  static final int ADMIN = 0x04;
  static final int GET_OK = 0x11;
  static final int PUT_OK = 0x12;
  static final int ERROR = 0x13;
  static final int PONG = 0x14;
  static final int ADMIN_OK = 0x15;
  static final int HELLO = 0x21;
  static final int REPLICA_READ = 0x22;
  static final int REPLICA_READ_REPLY = 0x23;
  static final int REPLICA_WRITE = 0x24;
  static final int REPLICA_WRITE_ACK = 0x25;
  static final int FORWARD = 0x26;
  static final int FORWARD_REPLY = 0x27;
  static final int EXTENSION = 0x30;

  private Codec() {}

  public static byte[] encode(Message m) {
    // An extension's frame is sized exactly, so its payload (a gossip message, thousands of bytes at
    // a thousand nodes) is copied once, into the frame the writer then hands out as it is.
    BinaryWriter out = new BinaryWriter(m instanceof PeerMessage.Extension x ? extensionSize(x) : 128);
    write(out, m);
    return out.toByteArray();
  }

  /** The encoded size of {@code x}, as {@link #write} writes it. */
  private static int extensionSize(PeerMessage.Extension x) {
    int payload = x.payload().length;
    return 1 + BinaryWriter.varLongSize(x.channel()) + BinaryWriter.varLongSize(payload) + payload;
  }

  public static void write(BinaryWriter out, Message m) {
    if (m instanceof ClientRequest.Get g) {
      out.writeByte(GET).writeVarLong(g.id()).writeString(g.key());
      writeOptions(out, g.options());
    } else if (m instanceof ClientRequest.Put p) {
      out.writeByte(PUT).writeVarLong(p.id()).writeString(p.key()).writeNullableBytes(p.value()).writeBytes(p.context());
      writeOptions(out, p.options());
    } else if (m instanceof ClientRequest.Ping p) {
      out.writeByte(PING).writeVarLong(p.id());
    } else if (m instanceof ClientRequest.Admin a) {
      out.writeByte(ADMIN).writeVarLong(a.id()).writeString(a.command());
    } else if (m instanceof ClientReply.GetOk g) {
      out.writeByte(GET_OK).writeVarLong(g.id()).writeVarLong(g.replies()).writeBytes(g.context());
      out.writeVarLong(g.siblings().size());
      for (byte[] v : g.siblings()) {
        out.writeBytes(v);
      }
    } else if (m instanceof ClientReply.PutOk p) {
      out.writeByte(PUT_OK).writeVarLong(p.id()).writeVarLong(p.acks()).writeBytes(p.context());
    } else if (m instanceof ClientReply.Error e) {
      out.writeByte(ERROR).writeVarLong(e.id()).writeByte(e.kind().ordinal()).writeString(e.message());
    } else if (m instanceof ClientReply.Pong p) {
      out.writeByte(PONG).writeVarLong(p.id()).writeString(p.nodeId());
    } else if (m instanceof ClientReply.AdminOk a) {
      out.writeByte(ADMIN_OK).writeVarLong(a.id()).writeString(a.json());
    } else if (m instanceof PeerMessage.Hello h) {
      out.writeByte(HELLO).writeString(h.nodeId()).writeString(h.cluster()).writeBytes(h.proof());
    } else if (m instanceof PeerMessage.ReplicaRead r) {
      out.writeByte(REPLICA_READ).writeVarLong(r.op()).writeString(r.key());
    } else if (m instanceof PeerMessage.ReplicaReadReply r) {
      out.writeByte(REPLICA_READ_REPLY).writeVarLong(r.op()).writeByte(r.ok() ? 1 : 0);
      VersionCodec.write(out, r.state());
    } else if (m instanceof PeerMessage.ReplicaWrite w) {
      out.writeByte(REPLICA_WRITE).writeVarLong(w.op()).writeString(w.key()).writeNullableString(w.hintFor());
      VersionCodec.write(out, w.state());
    } else if (m instanceof PeerMessage.ReplicaWriteAck a) {
      out.writeByte(REPLICA_WRITE_ACK).writeVarLong(a.op()).writeByte(a.ok() ? 1 : 0).writeNullableString(a.error());
    } else if (m instanceof PeerMessage.Forward f) {
      out.writeByte(FORWARD).writeVarLong(f.op());
      write(out, f.request());
    } else if (m instanceof PeerMessage.ForwardReply f) {
      out.writeByte(FORWARD_REPLY).writeVarLong(f.op());
      write(out, f.reply());
    } else if (m instanceof PeerMessage.Extension x) {
      out.writeByte(EXTENSION).writeVarLong(x.channel()).writeBytes(x.payload());
    } else {
      throw new IllegalArgumentException("no encoding for " + m.getClass().getName());
    }
  }

  private static void writeOptions(BinaryWriter out, WireOptions o) {
    out.writeVarLong(o.w()).writeVarLong(o.r()).writeByte(o.quorum() == null ? 0 : o.quorum().ordinal() + 1).writeVarLong(o.timeoutMs());
  }

  /** Decodes one payload; anything malformed or trailing throws {@link MalformedException}. */
  public static Message decode(byte[] payload) {
    return decode(payload, 0, payload.length);
  }

  public static Message decode(byte[] payload, int offset, int length) {
    BinaryReader in = new BinaryReader(payload, offset, length);
    Message m = read(in);
    in.expectEnd("message");
    return m;
  }

  private static Message read(BinaryReader in) {
    int type = in.readByte();
    return switch (type) {
      case GET, PUT, PING, ADMIN -> readRequest(type, in);
      case GET_OK, PUT_OK, ERROR, PONG, ADMIN_OK -> readReply(type, in);
      case HELLO -> new PeerMessage.Hello(in.readString(MAX_NODE_ID_BYTES, "node id"), in.readString(MAX_NODE_ID_BYTES, "cluster name"),
          in.readBytes(MAX_PROOF_BYTES, "hello proof"));
      case REPLICA_READ -> new PeerMessage.ReplicaRead(in.readVarLong(), key(in));
      case REPLICA_READ_REPLY -> new PeerMessage.ReplicaReadReply(in.readVarLong(), in.readByte() != 0, VersionCodec.readSiblings(in));
      case REPLICA_WRITE -> {
        long op = in.readVarLong();
        String key = key(in);
        String hintFor = in.readNullableString(MAX_NODE_ID_BYTES, "hint owner");
        yield new PeerMessage.ReplicaWrite(op, key, VersionCodec.readSiblings(in), hintFor);
      }
      case REPLICA_WRITE_ACK -> new PeerMessage.ReplicaWriteAck(in.readVarLong(), in.readByte() != 0,
          in.readNullableString(MAX_MESSAGE_BYTES, "write error"));
      // A forward carries exactly one client request and its reply one client reply: the inner type
      // is read here, never through read() again, so no frame can nest forwards (and recurse).
      case FORWARD -> new PeerMessage.Forward(in.readVarLong(), readRequest(in.readByte(), in));
      case FORWARD_REPLY -> new PeerMessage.ForwardReply(in.readVarLong(), readReply(in.readByte(), in));
      case EXTENSION -> new PeerMessage.Extension(in.readLength(Integer.MAX_VALUE, "channel"), in.readBytes(MAX_BLOB, "payload"));
      default -> throw new MalformedException("unknown message type 0x" + Integer.toHexString(type));
    };
  }

  private static ClientRequest readRequest(int type, BinaryReader in) {
    return switch (type) {
      case GET -> new ClientRequest.Get(in.readVarLong(), key(in), readOptions(in));
      case PUT -> new ClientRequest.Put(in.readVarLong(), key(in), in.readNullableBytes(MAX_BLOB, "value"),
          in.readBytes(MAX_BLOB, "context"), readOptions(in));
      case PING -> new ClientRequest.Ping(in.readVarLong());
      case ADMIN -> new ClientRequest.Admin(in.readVarLong(), in.readString(MAX_MESSAGE_BYTES, "admin command"));
      default -> throw new MalformedException("a forward carries one client request, not message type 0x" + Integer.toHexString(type));
    };
  }

  private static ClientReply readReply(int type, BinaryReader in) {
    return switch (type) {
      case GET_OK -> {
        long id = in.readVarLong();
        int replies = in.readLength(Integer.MAX_VALUE, "replies");
        byte[] context = in.readBytes(MAX_BLOB, "context");
        int n = in.readLength(MAX_SIBLINGS, "siblings");
        List<byte[]> siblings = new ArrayList<>(Math.min(n, 64));
        for (int i = 0; i < n; i++) {
          siblings.add(in.readBytes(MAX_BLOB, "value"));
        }
        yield new ClientReply.GetOk(id, replies, context, siblings);
      }
      case PUT_OK -> new ClientReply.PutOk(in.readVarLong(), in.readLength(Integer.MAX_VALUE, "acks"), in.readBytes(MAX_BLOB, "context"));
      case ERROR -> new ClientReply.Error(in.readVarLong(), errorKind(in.readByte()), in.readString(MAX_MESSAGE_BYTES, "error message"));
      case PONG -> new ClientReply.Pong(in.readVarLong(), in.readString(MAX_NODE_ID_BYTES, "node id"));
      case ADMIN_OK -> new ClientReply.AdminOk(in.readVarLong(), in.readString(MAX_BLOB, "admin answer"));
      default -> throw new MalformedException("a forward reply carries one client reply, not message type 0x" + Integer.toHexString(type));
    };
  }

  private static String key(BinaryReader in) {
    return in.readString(MAX_KEY_BYTES, "key");
  }

  private static WireOptions readOptions(BinaryReader in) {
    int w = in.readLength(Integer.MAX_VALUE, "w");
    int r = in.readLength(Integer.MAX_VALUE, "r");
    int q = in.readByte();
    Quorum quorum = switch (q) {
      case 0 -> null;
      case 1 -> Quorum.STRICT;
      case 2 -> Quorum.SLOPPY;
      default -> throw new MalformedException("unknown quorum " + q);
    };
    long timeoutMs = in.readVarLong();
    if (timeoutMs < 0) {
      throw new MalformedException("negative timeout");
    }
    return new WireOptions(w, r, quorum, timeoutMs);
  }

  private static ErrorKind errorKind(int ordinal) {
    ErrorKind[] kinds = ErrorKind.values();
    if (ordinal >= kinds.length) {
      throw new MalformedException("unknown error kind " + ordinal);
    }
    return kinds[ordinal];
  }
}
