package io.quorumlab.store.node;

import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.storage.StorageException;
import io.quorumlab.store.version.Reconciler;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;

/** This node's replica of keys: reads and merge-writes of key states in storage. */
final class ReplicaStore {
  private final Storage storage;
  private final Reconciler reconciler;
  private DataWrites listener = DataWrites.NONE;

  ReplicaStore(Storage storage, Reconciler reconciler) {
    this.storage = storage;
    this.reconciler = reconciler;
  }

  void setListener(DataWrites listener) {
    this.listener = listener;
  }

  /** The stored state (empty when absent). Throws {@link StorageException} on failure or corruption. */
  Siblings load(String key) {
    byte[] bytes = storage.get(Storage.Space.DATA, key.getBytes(StandardCharsets.UTF_8));
    if (bytes == null) {
      return Siblings.EMPTY;
    }
    try {
      return VersionCodec.decodeSiblings(bytes);
    } catch (MalformedException e) {
      throw new StorageException("stored state of '" + key + "' does not decode: " + e.getMessage(), e);
    }
  }

  /** Replaces the stored state; durable per the fsync policy when it returns. */
  void store(String key, Siblings state) {
    storage.put(Storage.Space.DATA, key.getBytes(StandardCharsets.UTF_8), VersionCodec.encode(state));
    listener.written(key, state);
  }

  /** Merges {@code incoming} into the stored state, writing only when something changed. */
  Siblings merge(String key, Siblings incoming) {
    Siblings local = load(key);
    Siblings merged = reconciler.merge(local, incoming);
    if (!merged.sameWrites(local)) {
      store(key, merged);
    }
    return merged;
  }
}
