package io.quorumlab.store.storage;

import io.quorumlab.store.config.NodeConfig;
import java.nio.file.Path;

/** Opens the storage engine a node's config names. */
public final class Storages {
  private Storages() {}

  public static Storage open(NodeConfig config) {
    return switch (config.storage() == null ? "rocksdb" : config.storage()) {
      case "rocksdb" -> new RocksStorage(Path.of(config.dataDir()), config.fsync(), config.fsyncIntervalMs());
      case "memory" -> new MemoryStorage();
      default -> throw new IllegalArgumentException(
          "unknown storage '" + config.storage() + "' (expected rocksdb or memory)");
    };
  }
}
