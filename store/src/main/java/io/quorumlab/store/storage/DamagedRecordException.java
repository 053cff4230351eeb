package io.quorumlab.store.storage;

/**
 * A stored record whose bytes do not match their checksum: torn by a crash in the middle of its
 * write, or corrupted on the disk. Its content is unknown, so it must be neither served nor merged
 * as if it were a value; a replica may replace it with a state it gets from another replica.
 */
public final class DamagedRecordException extends StorageException {
  public DamagedRecordException(String message) {
    super(message, null);
  }
}
