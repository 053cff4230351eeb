package io.quorumlab.store.transfer;

import java.util.function.BiPredicate;

/**
 * What range transfer needs from the node's storage. Values are the node's stored versioned values,
 * opaque here (siblings with their clocks, tombstones included).
 */
public interface TransferData {

  /**
   * Visits stored entries with keys at or after {@code fromKey} (unsigned byte order; empty = from
   * the start) until {@code visitor} returns false. The arrays may be reused after the visit.
   */
  void scan(byte[] fromKey, BiPredicate<byte[], byte[]> visitor);

  /**
   * Merges a received value into the stored one durably, exactly like a replica write (through the
   * node's write path, so that its anti-entropy trees follow).
   */
  void merge(byte[] key, byte[] value);

  /** Forgets this node's copy of a key it no longer replicates (and tells its anti-entropy trees). */
  void discard(byte[] key);
}
