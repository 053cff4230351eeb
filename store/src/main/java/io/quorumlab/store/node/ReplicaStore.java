package io.quorumlab.store.node;

import io.quorumlab.store.codec.MalformedException;
import io.quorumlab.store.storage.DamagedRecordException;
import io.quorumlab.store.storage.Storage;
import io.quorumlab.store.storage.StorageException;
import io.quorumlab.store.version.Reconciler;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionCodec;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's replica of keys: reads and merge-writes of key states in storage. A damaged record
 * (its checksum does not match) is refused to readers, and replaced by the next state another
 * replica sends (read repair, anti-entropy, a replica write): so this node never serves garbage and
 * gets the key back from its peers.
 */
final class ReplicaStore {
  private static final Logger LOG = LoggerFactory.getLogger(ReplicaStore.class);
  private final Storage storage;
  private final Reconciler reconciler;
  private DataWrites listener = DataWrites.NONE;
  /** Keys found damaged and not replaced yet (each is logged once). */
  private final Set<String> damaged = new HashSet<>();

  ReplicaStore(Storage storage, Reconciler reconciler) {
    this.storage = storage;
    this.reconciler = reconciler;
  }

  void setListener(DataWrites listener) {
    this.listener = listener;
  }

  /**
   * The stored state (empty when absent). Throws {@link StorageException} on failure or corruption;
   * a damaged record also tells the data-write listener that the key's state here is now unknown
   * (empty), so that anti-entropy sees it differ from the peers' and restores it.
   */
  Siblings load(String key) {
    byte[] bytes;
    try {
      bytes = storage.get(Storage.Space.DATA, key.getBytes(StandardCharsets.UTF_8));
    } catch (DamagedRecordException e) {
      if (damaged.add(key)) {
        LOG.warn("{}; refused to readers until another replica's state replaces it", e.getMessage());
      }
      listener.written(key, Siblings.EMPTY);
      throw e;
    }
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
    Siblings local;
    boolean damaged = false;
    try {
      local = load(key);
    } catch (DamagedRecordException e) {
      local = Siblings.EMPTY;
      damaged = true;
    }
    Siblings merged = reconciler.merge(local, incoming);
    if (damaged ? !merged.isEmpty() : !merged.sameWrites(local)) {
      if (damaged) {
        this.damaged.remove(key);
        LOG.warn("replaced the damaged record of '{}' with the state another replica sent", key);
      }
      store(key, merged);
    }
    return merged;
  }
}
