package io.quorumlab.store.handoff;

/**
 * The three operations {@link DurableHintStore} needs from the node's storage engine: a key space
 * of its own (a RocksDB column family, or a reserved key prefix) with ordered scans. Writes must be
 * as durable as the node's data writes (same WAL and fsync policy).
 */
public interface OrderedBytes {

  @FunctionalInterface
  interface Visitor {
    /** Returns false to stop the scan. */
    boolean visit(byte[] key, byte[] value);
  }

  void put(byte[] key, byte[] value);

  void delete(byte[] key);

  /** Visits the entries whose key starts with {@code prefix}, in ascending unsigned byte order. */
  void scan(byte[] prefix, Visitor visitor);
}
