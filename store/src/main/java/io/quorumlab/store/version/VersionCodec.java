package io.quorumlab.store.version;

import io.quorumlab.store.codec.BinaryReader;
import io.quorumlab.store.codec.BinaryWriter;
import io.quorumlab.store.codec.MalformedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Binary form of clocks and key states, shared by storage and the wire. */
public final class VersionCodec {
  static final int MAX_NODE_ID_BYTES = 255;
  static final int MAX_ENTRIES = 1 << 16;
  /** Values are checked against maxValueBytes where they enter; this bound only stops garbage. */
  static final int MAX_VALUE_BYTES = Integer.MAX_VALUE - 16;

  private VersionCodec() {}

  public static void write(BinaryWriter out, VersionVector vv) {
    Map<String, Long> entries = vv.entries();
    out.writeVarLong(entries.size());
    entries.forEach((node, counter) -> {
      out.writeString(node);
      out.writeVarLong(counter);
    });
  }

  public static VersionVector readVersionVector(BinaryReader in) {
    int n = in.readLength(MAX_ENTRIES, "clock");
    TreeMap<String, Long> entries = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String node = in.readString(MAX_NODE_ID_BYTES, "node id");
      long counter = in.readVarLong();
      if (counter < 0) {
        throw new MalformedException("negative clock counter");
      }
      entries.put(node, counter);
    }
    return VersionVector.of(entries);
  }

  public static byte[] encode(VersionVector vv) {
    BinaryWriter out = new BinaryWriter();
    write(out, vv);
    return out.toByteArray();
  }

  public static VersionVector decodeVersionVector(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    VersionVector vv = readVersionVector(in);
    in.expectEnd("clock");
    return vv;
  }

  public static void write(BinaryWriter out, Siblings siblings) {
    out.writeVarLong(siblings.versions().size());
    for (Version v : siblings.versions()) {
      out.writeString(v.node());
      out.writeVarLong(v.counter());
      out.writeLong(v.stamp());
      write(out, v.context());
      out.writeNullableBytes(v.value());
    }
  }

  public static Siblings readSiblings(BinaryReader in) {
    int n = in.readLength(MAX_ENTRIES, "siblings");
    List<Version> versions = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String node = in.readString(MAX_NODE_ID_BYTES, "node id");
      long counter = in.readVarLong();
      long stamp = in.readLong();
      VersionVector context = readVersionVector(in);
      byte[] value = in.readNullableBytes(MAX_VALUE_BYTES, "value");
      versions.add(new Version(node, counter, stamp, context, value));
    }
    return new Siblings(versions);
  }

  public static byte[] encode(Siblings siblings) {
    BinaryWriter out = new BinaryWriter(64 + siblings.versions().size() * 64);
    write(out, siblings);
    return out.toByteArray();
  }

  public static Siblings decodeSiblings(byte[] bytes) {
    BinaryReader in = new BinaryReader(bytes);
    Siblings s = readSiblings(in);
    in.expectEnd("siblings");
    return s;
  }

  /** The identity of one version, for the context of lww and abd gets (informational). */
  public static byte[] encodeTag(Version v) {
    return new BinaryWriter(32).writeString(v.node()).writeVarLong(v.counter()).writeLong(v.stamp()).toByteArray();
  }
}
