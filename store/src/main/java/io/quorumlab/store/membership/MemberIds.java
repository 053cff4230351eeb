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
 * <p>Messages name members in id order, and every node's members are about the same, so the id
 * after a given one is almost always the one that followed it last time: that guess is checked
 * first, byte for byte, and only a wrong guess hashes the id and probes the table.
 *
 * <p>Bounded, so a stream of made-up ids cannot grow it without limit: past the bound, ids are
 * simply not shared. Ids that are not ASCII are not shared either.
 */
final class MemberIds implements BinaryReader.StringDecoder<String> {
  static final int MAX_SHARED = 4 * GossipCodec.MAX_MEMBERS;
  private static final ThreadLocal<MemberIds> PER_THREAD = ThreadLocal.withInitial(MemberIds::new);
  private static final int NONE = -1;

  // Shared ids by a dense number, in the order first decoded; numbers never change.
  private String[] ids = new String[512];
  private byte[][] bytes = new byte[512][];
  private int[] hashes = new int[512];
  /** The number of the id decoded right after this one last time (NONE: not known yet). */
  private int[] successor = new int[512];
  private int size;
  /** Open addressing over the numbers: number + 1, 0 for an empty place. */
  private int[] table = new int[1024];
  /** The number of the id decoded last (NONE if it was not shared). */
  private int last = NONE;

  static MemberIds forThisThread() {
    return PER_THREAD.get();
  }

  @Override
  public String decode(byte[] buf, int offset, int length) {
    if (last != NONE) {
      int guess = successor[last];
      if (guess != NONE && sameBytes(bytes[guess], buf, offset, length)) {
        last = guess;
        return ids[guess];
      }
    }
    int hash = 0;
    for (int i = offset; i < offset + length; i++) {
      byte b = buf[i];
      if (b < 0) {
        last = NONE;
        return new String(buf, offset, length, StandardCharsets.UTF_8);
      }
      hash = 31 * hash + b; // String.hashCode of an ASCII string
    }
    int number = find(hash, buf, offset, length);
    if (last != NONE) {
      successor[last] = number;
    }
    last = number;
    return number == NONE ? new String(buf, offset, length, StandardCharsets.US_ASCII) : ids[number];
  }

  /** The number of the id with these bytes, shared now if it was not yet; NONE past the bound. */
  private int find(int hash, byte[] buf, int offset, int length) {
    int mask = table.length - 1;
    int i = spread(hash) & mask;
    for (int entry = table[i]; entry != 0; entry = table[i]) {
      int number = entry - 1;
      if (hashes[number] == hash && sameBytes(bytes[number], buf, offset, length)) {
        return number;
      }
      i = (i + 1) & mask;
    }
    if (size == MAX_SHARED) {
      return NONE;
    }
    if (size == ids.length) {
      int capacity = 2 * size;
      ids = Arrays.copyOf(ids, capacity);
      bytes = Arrays.copyOf(bytes, capacity);
      hashes = Arrays.copyOf(hashes, capacity);
      successor = Arrays.copyOf(successor, capacity);
    }
    int number = size++;
    ids[number] = new String(buf, offset, length, StandardCharsets.US_ASCII);
    bytes[number] = Arrays.copyOfRange(buf, offset, offset + length);
    hashes[number] = hash;
    successor[number] = NONE;
    table[i] = number + 1;
    if (size * 2 > table.length) {
      rehash();
    }
    return number;
  }

  /** Ids are a few bytes: a plain loop beats a call into the vectorised compare. */
  private static boolean sameBytes(byte[] known, byte[] buf, int offset, int length) {
    if (known.length != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (known[i] != buf[offset + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The shared string equal to {@code id}, sharing it now if it was not yet: a node's own id comes
   * from its config, not from a message, and should compare by identity like the others.
   */
  String share(String id) {
    byte[] raw = id.getBytes(StandardCharsets.UTF_8);
    int keep = last;
    String shared = decode(raw, 0, raw.length);
    last = keep;
    return shared;
  }

  int size() {
    return size;
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  private void rehash() {
    table = new int[table.length * 2];
    int mask = table.length - 1;
    for (int number = 0; number < size; number++) {
      int i = spread(hashes[number]) & mask;
      while (table[i] != 0) {
        i = (i + 1) & mask;
      }
      table[i] = number + 1;
    }
  }
}
