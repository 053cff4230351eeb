package io.quorumlab.store.antientropy;

import java.util.List;

/**
 * What a session needs from the node's storage. Values are the node's stored versioned values,
 * opaque here (siblings with their clocks, tombstones included), so anti-entropy repairs deletes too.
 */
public interface ReplicaData {

  /** Receives stored entries; {@code versionDigest} must be what the node fed its {@link MerkleTree}. */
  @FunctionalInterface
  interface EntryVisitor {
    void visit(byte[] key, long token, byte[] versionDigest);
  }

  /**
   * Visits every stored entry whose token lies in one of {@code ranges} (each a run of tree
   * leaves). Visiting entries outside them is allowed (the session filters), so a node without a
   * token index may scan the whole tree range and let the session pick.
   */
  void scan(List<TokenRange> ranges, EntryVisitor visitor);

  /** The stored versioned value of {@code key}, or null. */
  byte[] read(byte[] key);

  /**
   * Stores the merged value durably, exactly like a replica write: through the node's write path,
   * so its live {@link MerkleTree} is updated with the new digest.
   */
  void write(byte[] key, byte[] value);
}
