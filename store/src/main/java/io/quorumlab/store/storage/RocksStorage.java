package io.quorumlab.store.storage;

import io.quorumlab.store.config.FsyncPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB with its write-ahead log always on; one column family per {@link Space}. The fsync
 * policy decides when the WAL reaches the disk: {@code ALWAYS} syncs inside every put (so a put
 * that returned survives kill -9 and power loss), {@code PERIODIC} syncs from a background thread
 * every interval, {@code NEVER} leaves it to the OS (a kill -9 still keeps what reached the page
 * cache; a power loss may not).
 */
public final class RocksStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(RocksStorage.class);

  static {
    RocksDB.loadLibrary();
  }

  private final RocksDB db;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyHandle> handles;
  private final Map<Space, ColumnFamilyHandle> bySpace = new EnumMap<>(Space.class);
  private final ScheduledExecutorService syncer;
  private volatile boolean closed;

  public RocksStorage(Path dir, FsyncPolicy fsync, long fsyncIntervalMs) {
    try {
      Files.createDirectories(dir);
      dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true);
      cfOptions = new ColumnFamilyOptions();
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
      descriptors.add(new ColumnFamilyDescriptor("hints".getBytes(StandardCharsets.UTF_8), cfOptions));
      descriptors.add(new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), cfOptions));
      handles = new ArrayList<>();
      db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
      bySpace.put(Space.DATA, handles.get(0));
      bySpace.put(Space.HINTS, handles.get(1));
      bySpace.put(Space.META, handles.get(2));
      writeOptions = new WriteOptions().setSync(fsync == FsyncPolicy.ALWAYS);
    } catch (RocksDBException | java.io.IOException e) {
      throw new StorageException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
    if (fsync == FsyncPolicy.PERIODIC) {
      long interval = Math.max(1, fsyncIntervalMs);
      syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rocksdb-wal-sync");
        t.setDaemon(true);
        return t;
      });
      syncer.scheduleWithFixedDelay(this::syncWal, interval, interval, TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
    }
  }

  private void syncWal() {
    if (closed) {
      return;
    }
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      LOG.warn("periodic WAL sync failed: {}", e.getMessage());
    }
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    try {
      return db.get(bySpace.get(space), key);
    } catch (RocksDBException e) {
      throw new StorageException("read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void put(Space space, byte[] key, byte[] value) {
    try {
      db.put(bySpace.get(space), writeOptions, key, value);
    } catch (RocksDBException e) {
      throw new StorageException("write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(Space space, byte[] key) {
    try {
      db.delete(bySpace.get(space), writeOptions, key);
    } catch (RocksDBException e) {
      throw new StorageException("delete failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    try (RocksIterator it = db.newIterator(bySpace.get(space))) {
      if (fromKey.length == 0) {
        it.seekToFirst();
      } else {
        it.seek(fromKey);
      }
      for (; it.isValid(); it.next()) {
        if (!visitor.test(it.key(), it.value())) {
          return;
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (syncer != null) {
      syncer.shutdownNow();
      try {
        syncer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      db.flushWal(true);
    } catch (RocksDBException e) {
      LOG.warn("final WAL sync failed: {}", e.getMessage());
    }
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    writeOptions.close();
    cfOptions.close();
    dbOptions.close();
  }
}
