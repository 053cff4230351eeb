package io.quorumlab.store.storage;

import java.util.function.BiPredicate;

/**
 * A node's durable key-value store, in separate key spaces. Calls are synchronous: when {@link
 * #put} returns, the write is as durable as the fsync policy promises, so a node may acknowledge
 * it. Implementations are used from the node's single thread, but must tolerate their own
 * background work (periodic sync).
 */
public interface Storage extends AutoCloseable {

  /** Separate namespaces: versions of keys, hints for other nodes, the node's own metadata. */
  enum Space {
    DATA,
    HINTS,
    META
  }

  /** The stored bytes, or null. */
  byte[] get(Space space, byte[] key);

  void put(Space space, byte[] key, byte[] value);

  void delete(Space space, byte[] key);

  /**
   * Visits entries with keys at or after {@code fromKey} (unsigned byte order; empty = from the
   * start) until {@code visitor} returns false.
   */
  void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor);

  /**
   * Makes every write so far durable, whatever the fsync policy (an fsync of the write-ahead log):
   * for the few facts that must survive a power loss even when the data need not, such as the
   * node's gossip generation. Storage that keeps nothing across a restart has nothing to do.
   */
  default void sync() {}

  /** Whether writes work now, and the failures so far; storage that cannot fail is always healthy. */
  default StorageHealth health() {
    return StorageHealth.HEALTHY;
  }

  @Override
  void close();
}
