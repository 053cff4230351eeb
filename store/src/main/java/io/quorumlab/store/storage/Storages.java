package io.quorumlab.store.storage;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.NodeConfig;
import java.nio.file.Path;

/** Opens the storage a node's config names: its engine, checksummed records, and for the disk nemesis a page cache. */
public final class Storages {
  private Storages() {}

  /**
   * A node's storage, recovered (damaged records discarded).
   *
   * @param storage what the node uses
   * @param pageCache the page cache a crash empties, when the config asks for disk faults; else null
   */
  public record Opened(ChecksummedStorage storage, PageCacheStorage pageCache) {}

  public static Opened open(NodeConfig config) {
    // Under disk faults the page cache decides what is synced, so the engine never syncs by itself.
    FsyncPolicy engineFsync = config.diskFaults() ? FsyncPolicy.NEVER : config.fsync();
    Storage engine = switch (config.storage() == null ? "rocksdb" : config.storage()) {
      case "rocksdb" -> new RocksStorage(Path.of(config.dataDir()), engineFsync, config.fsyncIntervalMs());
      case "memory" -> new MemoryStorage();
      default -> throw new IllegalArgumentException(
          "unknown storage '" + config.storage() + "' (expected rocksdb or memory)");
    };
    PageCacheStorage pageCache = null;
    if (config.diskFaults()) {
      pageCache = new PageCacheStorage(engine, config.fsync(), config.fsyncIntervalMs());
      engine = pageCache;
    }
    return new Opened(ChecksummedStorage.recover(engine, "node " + config.nodeId()), pageCache);
  }
}
