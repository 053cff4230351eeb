package io.quorumlab.store.antientropy;

import com.dynatrace.hash4j.hashing.Hasher64;
import com.dynatrace.hash4j.hashing.Hashing;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A hash tree over one token range: 2^depth leaves, each covering an equal slice of the range.
 *
 * <p>A leaf's hash is the XOR of the hashes of its entries, an entry being (key, version digest), and
 * an inner node's hash is the XOR of its children's. XOR makes the tree a function of the set of
 * entries alone (equal data gives equal trees whatever the order of writes) and makes updates
 * incremental: a write XORs out the old entry and XORs in the new one along one leaf-to-root path,
 * {@code depth + 1} word operations, no rebuild. The cost of that simplicity is that an entry must be
 * added once and removed with the exact digest it was added with, which the node's write path does
 * (it knows the version it replaces).
 *
 * <p>Hashes are 64 bits (XXH3): two different replicas collide with probability about 2^-64 per
 * compared node, after which the next session, with other data, finds the difference.
 *
 * <p>Not thread-safe; lives on the node's event loop.
 */
public final class MerkleTree {
  public static final int MAX_DEPTH = 20;
  private static final Hasher64 HASHER = Hashing.xxh3_64();

  private final TokenRange range;
  private final int depth;
  private final long leafWidth;
  /**
   * Heap layout: node 1 is the root, node i has children 2i and 2i+1; level l starts at 2^l. Null
   * while every hash is 0 (no entry yet): a node keeps one tree per peer, most of them empty until
   * data arrives, and 2^(depth+1) words each would make memory grow with the cluster's size.
   */
  private long[] nodes;

  public MerkleTree(TokenRange range, int depth) {
    if (depth < 0 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("Merkle tree depth must be 0.." + MAX_DEPTH + ", was " + depth);
    }
    this.range = Objects.requireNonNull(range, "range");
    this.depth = depth;
    this.leafWidth = depth == 0 ? 0 : Long.divideUnsigned(range.widthMinusOne(), 1L << depth) + 1;
  }

  private MerkleTree(MerkleTree other) {
    this.range = other.range;
    this.depth = other.depth;
    this.leafWidth = other.leafWidth;
    this.nodes = other.nodes == null ? null : other.nodes.clone();
  }

  /** The hash one entry contributes; exposed so callers can precompute or test. */
  public static long entryHash(byte[] key, byte[] versionDigest) {
    return HASHER.hashStream().putByteArray(key).putByteArray(versionDigest).getAsLong();
  }

  public TokenRange range() {
    return range;
  }

  public int depth() {
    return depth;
  }

  public int leafCount() {
    return 1 << depth;
  }

  /** Records that {@code key} with {@code versionDigest} is stored. */
  public void add(long token, byte[] key, byte[] versionDigest) {
    toggle(leafOf(token), entryHash(key, versionDigest));
  }

  /** Records that {@code key} with {@code versionDigest} is no longer stored. */
  public void remove(long token, byte[] key, byte[] versionDigest) {
    toggle(leafOf(token), entryHash(key, versionDigest));
  }

  /** A write: {@code oldDigest} null for a new key, {@code newDigest} null for a key purged. */
  public void replace(long token, byte[] key, byte[] oldDigest, byte[] newDigest) {
    long delta = (oldDigest == null ? 0 : entryHash(key, oldDigest)) ^ (newDigest == null ? 0 : entryHash(key, newDigest));
    toggle(leafOf(token), delta);
  }

  private void toggle(int leaf, long delta) {
    if (delta == 0) {
      return;
    }
    if (nodes == null) {
      nodes = new long[2 << depth];
    }
    for (int node = (1 << depth) + leaf; node >= 1; node >>>= 1) {
      nodes[node] ^= delta;
    }
  }

  public long root() {
    return nodes == null ? 0 : nodes[1];
  }

  /** Hash of node {@code index} (0-based, left to right) at {@code level} (0 = root, depth = leaves). */
  public long hash(int level, int index) {
    if (level < 0 || level > depth || index < 0 || index >= (1 << level)) {
      throw new IndexOutOfBoundsException("no node " + index + " at level " + level + " of a depth-" + depth + " tree");
    }
    return nodes == null ? 0 : nodes[(1 << level) + index];
  }

  /** The leaf covering {@code token}. */
  public int leafOf(long token) {
    if (!range.contains(token)) {
      throw new IllegalArgumentException("token " + token + " is outside " + range);
    }
    return depth == 0 ? 0 : (int) Long.divideUnsigned(range.offsetOf(token), leafWidth);
  }

  /** The tokens leaf {@code leaf} covers, or null if it covers none (only in a range narrower than its leaf count). */
  public TokenRange leafRange(int leaf) {
    return leavesRange(leaf, leaf);
  }

  /** The tokens leaves {@code first..last} (inclusive) cover together, or null if none. */
  public TokenRange leavesRange(int first, int last) {
    if (first < 0 || last >= leafCount() || first > last) {
      throw new IndexOutOfBoundsException("no leaves " + first + ".." + last);
    }
    if (depth == 0) {
      return range;
    }
    BigInteger width = new BigInteger(Long.toUnsignedString(range.widthMinusOne())).add(BigInteger.ONE);
    BigInteger slice = new BigInteger(Long.toUnsignedString(leafWidth));
    BigInteger from = slice.multiply(BigInteger.valueOf(first)).min(width);
    BigInteger to = slice.multiply(BigInteger.valueOf(last + 1L)).min(width);
    if (from.equals(to)) {
      return null;
    }
    // longValue() keeps the low 64 bits: exactly the mod-2^64 arithmetic of the ring (a run over the
    // whole ring comes out as start == end, the full-ring form).
    return new TokenRange(range.startExclusive() + from.longValue(), range.startExclusive() + to.longValue());
  }

  /** An independent copy, so a session compares one consistent snapshot while writes go on. */
  public MerkleTree copy() {
    return new MerkleTree(this);
  }
}
