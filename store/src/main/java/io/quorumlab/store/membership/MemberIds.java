package io.quorumlab.store.membership;

import io.quorumlab.store.codec.BinaryReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One string per member id, per decoding thread. Every gossip message names most members, and the
 * ids are then looked up in several maps: a shared string comes with its hash computed and compares
 * by identity, where a fresh one would be hashed and compared byte by byte every time. The lookup
 * goes by the id's bytes where they lie in the message, so an id heard before costs no allocation
 * at all (with thousands of members and nodes in one simulation, making and hashing those strings
 * was a large share of the time). Per thread, so no locking: a simulation runs on one thread, and
 * the same id decoded on two event loops is two equal strings, which is still correct.
 *
 * <p>Bounded, so a stream of made-up ids cannot grow it without limit: past the bound, ids are
 * simply not shared. Ids that are not ASCII are not shared either.
 */
final class MemberIds implements BinaryReader.StringDecoder<String> {
  static final int MAX_SHARED = 4 * GossipCodec.MAX_MEMBERS;
  private static final ThreadLocal<MemberIds> PER_THREAD = ThreadLocal.withInitial(MemberIds::new);

  private String[] table = new String[1024];
  /** Each shared id's bytes, at its index in {@code table}: compared with the message's in one go. */
  private byte[][] bytes = new byte[1024][];
  /** Each shared id's hash, likewise: a probe reads neither the string nor its bytes unless it matches. */
  private int[] hashes = new int[1024];
  private int size;

  static MemberIds forThisThread() {
    return PER_THREAD.get();
  }

  @Override
  public String decode(byte[] buf, int offset, int length) {
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = buf[i];
      if (b < 0) {
        return new String(buf, offset, length, StandardCharsets.UTF_8);
      }
      hash = 31 * hash + b; // String.hashCode of an ASCII string
    }
    int mask = table.length - 1;
    int i = spread(hash) & mask;
    for (String s = table[i]; s != null; s = table[i]) {
      byte[] b = bytes[i];
      if (hashes[i] == hash && Arrays.equals(b, 0, b.length, buf, offset, offset + length)) {
        return s;
      }
      i = (i + 1) & mask;
    }
    String id = new String(buf, offset, length, StandardCharsets.US_ASCII);
    if (size < MAX_SHARED) {
      table[i] = id;
      bytes[i] = Arrays.copyOfRange(buf, offset, offset + length);
      hashes[i] = hash;
      if (++size * 2 > table.length) {
        grow();
      }
    }
    return id;
  }

  int size() {
    return size;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void grow() {
    String[] old = table;
    byte[][] oldBytes = bytes;
    int[] oldHashes = hashes;
    table = new String[old.length * 2];
    bytes = new byte[table.length][];
    hashes = new int[table.length];
    int mask = table.length - 1;
    for (int k = 0; k < old.length; k++) {
      if (old[k] != null) {
        int i = spread(oldHashes[k]) & mask;
        while (table[i] != null) {
          i = (i + 1) & mask;
        }
        table[i] = old[k];
        bytes[i] = oldBytes[k];
        hashes[i] = oldHashes[k];
      }
    }
  }
}
