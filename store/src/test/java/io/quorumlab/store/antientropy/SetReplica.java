package io.quorumlab.store.antientropy;

import com.dynatrace.hash4j.hashing.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-memory replica for tests whose values behave like sibling sets: a value is a sorted set of
 * version strings, the merge is their union (deterministic, commutative, idempotent, like merging
 * vector-clocked siblings). It keeps its Merkle tree up to date on every write, as the node must.
 */
final class SetReplica implements ReplicaData {
  static final VersionMerger UNION = (key, local, remote) -> local == null ? remote : encode(union(decode(local), decode(remote)));

  final MerkleTree tree;
  final Map<ByteBuffer, byte[]> values = new HashMap<>();
  /** Keys by token, in ring order (sign bit flipped so signed order is unsigned order). */
  private final TreeMap<Long, ByteBuffer> byToken = new TreeMap<>();
  final Set<String> repairedKeys = new LinkedHashSet<>();
  int scans;

  SetReplica(TokenRange range, int depth) {
    tree = new MerkleTree(range, depth);
  }

  static long token(byte[] key) {
    return Hashing.xxh3_64().hashBytesToLong(key);
  }

  static byte[] digest(byte[] value) {
    return ByteBuffer.allocate(8).putLong(Hashing.xxh3_64().hashBytesToLong(value)).array();
  }

  static byte[] key(String key) {
    return key.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] encode(Set<String> versions) {
    return String.join(",", new TreeSet<>(versions)).getBytes(StandardCharsets.UTF_8);
  }

  static Set<String> decode(byte[] value) {
    return new TreeSet<>(Arrays.asList(new String(value, StandardCharsets.UTF_8).split(",")));
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A local write (not a repair): stores the value and updates the tree. */
  void put(String key, Set<String> versions) {
    store(key(key), encode(versions));
  }

  /** A local write of an already encoded value. */
  void putEncoded(byte[] key, byte[] value) {
    store(key, value);
  }

  Set<String> get(String key) {
    byte[] value = values.get(ByteBuffer.wrap(key(key)));
    return value == null ? null : decode(value);
  }

  private void store(byte[] key, byte[] value) {
    ByteBuffer wrapped = ByteBuffer.wrap(key.clone());
    byte[] old = values.put(wrapped, value);
    ByteBuffer clash = byToken.put(token(key) ^ Long.MIN_VALUE, wrapped);
    if (clash != null && !clash.equals(wrapped)) {
      throw new IllegalStateException("test keys collide on a 64-bit token");
    }
    tree.replace(token(key), key, old == null ? null : digest(old), digest(value));
  }

  @Override
  public void scan(List<TokenRange> ranges, EntryVisitor visitor) {
    scans++;
    for (TokenRange range : ranges) {
      long from = range.startExclusive() ^ Long.MIN_VALUE;
      long to = range.endInclusive() ^ Long.MIN_VALUE;
      if (range.isFullRing()) {
        visit(byToken, visitor);
      } else if (from < to) {
        visit(byToken.subMap(from, false, to, true), visitor);
      } else {
        visit(byToken.tailMap(from, false), visitor);
        visit(byToken.headMap(to, true), visitor);
      }
    }
  }

  private void visit(Map<Long, ByteBuffer> slice, EntryVisitor visitor) {
    slice.forEach((flipped, key) -> visitor.visit(key.array(), flipped ^ Long.MIN_VALUE, digest(values.get(key))));
  }

  @Override
  public byte[] read(byte[] key) {
    return values.get(ByteBuffer.wrap(key));
  }

  @Override
  public void write(byte[] key, byte[] value) {
    repairedKeys.add(new String(key, StandardCharsets.UTF_8));
    store(key, value);
  }

  /** Same keys with the same values. */
  boolean sameContents(SetReplica other) {
    if (values.size() != other.values.size()) {
      return false;
    }
    for (Map.Entry<ByteBuffer, byte[]> e : values.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.values.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
