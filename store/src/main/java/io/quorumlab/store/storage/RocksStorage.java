package io.quorumlab.store.storage;

import io.quorumlab.store.config.FsyncPolicy;
import java.io.IOException;
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
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Status;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RocksDB with its write-ahead log always on; one column family per {@link Space}. The fsync
 * policy decides when the WAL reaches the disk: {@code ALWAYS} syncs inside every put (so a put
 * that returned survives kill -9 and power loss), {@code PERIODIC} syncs from a background thread
 * every interval, {@code NEVER} leaves it to the OS (a kill -9 still keeps what reached the page
 * cache; a power loss may not).
 *
 * <p>A write that fails with an I/O error (a full disk above all) stops RocksDB for good: it keeps
 * the error as its background error and refuses every later write, and RocksJava cannot resume it.
 * So this storage records the failure ({@link #health()}) and a background thread reopens the
 * database once that can work, which replays the WAL up to the last complete write; for a full
 * disk, as soon as space is free again. Until then reads still work and writes fail fast. A reopen
 * that fails leaves the database open read-only (which needs no space) until the next attempt.
 */
public final class RocksStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(RocksStorage.class);
  /** How often a failed storage checks whether it can recover. */
  static final long RECOVERY_POLL_MS = 25;
  /** A full disk is retried once this much more space is free than when writes began to fail ... */
  private static final long RECOVERY_FREE_BYTES = 1 << 20;
  /** ... and any failure after this long anyway (reopening flushes the WAL, which may itself free space). */
  private static final long RECOVERY_RETRY_MS = 5_000;
  private static final String NO_SPACE = "no space left on device";

  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final DBOptions dbOptions;
  private final ColumnFamilyOptions cfOptions;
  private final WriteOptions writeOptions;
  private final List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
  /** Shared for every use of the database, exclusive to reopen and close it. */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final StorageFailures failures = new StorageFailures();
  private final ScheduledExecutorService background;
  /** Null only if not even a read-only reopen worked. */
  private RocksDB db;
  private boolean readOnly;
  private List<ColumnFamilyHandle> handles = List.of();
  private final Map<Space, ColumnFamilyHandle> bySpace = new EnumMap<>(Space.class);
  /** Free bytes when the current failure began; only the recovery thread reads it. */
  private volatile long freeAtFailure;
  private volatile long lastRecoveryAttemptMs;
  private volatile boolean closed;

  public RocksStorage(Path dir, FsyncPolicy fsync, long fsyncIntervalMs) {
    this.dir = dir;
    // Every reopen starts a new info log; keep a few, not one per attempt.
    dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true).setKeepLogFileNum(4);
    cfOptions = new ColumnFamilyOptions();
    descriptors.add(new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY, cfOptions));
    descriptors.add(new ColumnFamilyDescriptor("hints".getBytes(StandardCharsets.UTF_8), cfOptions));
    descriptors.add(new ColumnFamilyDescriptor("meta".getBytes(StandardCharsets.UTF_8), cfOptions));
    writeOptions = new WriteOptions().setSync(fsync == FsyncPolicy.ALWAYS);
    try {
      Files.createDirectories(dir);
      open(false);
    } catch (RocksDBException | IOException e) {
      closeOptions();
      throw new StorageException("cannot open RocksDB in " + dir + ": " + e.getMessage(), e);
    }
    background = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "rocksdb-" + dir.getFileName());
      t.setDaemon(true);
      return t;
    });
    background.scheduleWithFixedDelay(this::recoverIfFailed, RECOVERY_POLL_MS, RECOVERY_POLL_MS, TimeUnit.MILLISECONDS);
    if (fsync == FsyncPolicy.PERIODIC) {
      long interval = Math.max(1, fsyncIntervalMs);
      background.scheduleWithFixedDelay(this::syncWal, interval, interval, TimeUnit.MILLISECONDS);
    }
  }

  /** Opens the database and maps the column families (under the exclusive lock, or before any use). */
  private void open(boolean asReadOnly) throws RocksDBException {
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    db = asReadOnly ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, opened)
        : RocksDB.open(dbOptions, dir.toString(), descriptors, opened);
    handles = opened;
    readOnly = asReadOnly;
    bySpace.put(Space.DATA, opened.get(0));
    bySpace.put(Space.HINTS, opened.get(1));
    bySpace.put(Space.META, opened.get(2));
  }

  private void closeDb() {
    if (db == null) {
      return;
    }
    for (ColumnFamilyHandle h : handles) {
      h.close();
    }
    db.close();
    db = null;
    handles = List.of();
  }

  /** The open database for reading; fails while not even a read-only one could be opened. */
  private RocksDB readable() {
    if (db == null) {
      throw new StorageException("storage in " + dir + " is unavailable: " + failures.health().error(), null);
    }
    return db;
  }

  /** The open database for writing; fails fast while only a read-only one is open. */
  private RocksDB writable() {
    if (db == null || readOnly) {
      throw new StorageException(failures.health().error(), null);
    }
    return db;
  }

  private void syncWal() {
    lock.readLock().lock();
    try {
      if (!closed && db != null && !readOnly) {
        db.flushWal(true);
      }
    } catch (RocksDBException e) {
      failed(e, "periodic WAL sync");
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void sync() {
    lock.readLock().lock();
    try {
      writable().flushWal(true);
    } catch (RocksDBException e) {
      throw new StorageException(failed(e, "WAL sync"), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    lock.readLock().lock();
    try {
      return readable().get(bySpace.get(space), key);
    } catch (RocksDBException e) {
      throw new StorageException("read failed: " + e.getMessage(), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void put(Space space, byte[] key, byte[] value) {
    lock.readLock().lock();
    try {
      writable().put(bySpace.get(space), writeOptions, key, value);
      wrote();
    } catch (RocksDBException e) {
      throw new StorageException(failed(e, "write"), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void delete(Space space, byte[] key) {
    lock.readLock().lock();
    try {
      writable().delete(bySpace.get(space), writeOptions, key);
      wrote();
    } catch (RocksDBException e) {
      throw new StorageException(failed(e, "delete"), e);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    lock.readLock().lock();
    try (RocksIterator it = readable().newIterator(bySpace.get(space))) {
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
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public StorageHealth health() {
    return failures.health();
  }

  /**
   * Records an I/O failure (other errors, such as a bad argument, say nothing about the storage) and
   * returns the message for the caller: {@value #NO_SPACE} for a full disk, so that it reads the
   * same wherever it is reported.
   */
  private String failed(RocksDBException e, String what) {
    Status status = e.getStatus();
    boolean noSpace = status != null && status.getSubCode() == Status.SubCode.NoSpace;
    String reason = noSpace ? NO_SPACE : what + " failed: " + e.getMessage();
    if (status == null || status.getCode() == Status.Code.IOError) {
      long now = System.currentTimeMillis();
      if (failures.failed(reason, now)) {
        freeAtFailure = freeBytes();
        lastRecoveryAttemptMs = now;
        LOG.warn("storage in {} failed: {}; writes fail until it recovers", dir, e.getMessage());
      }
    }
    return reason;
  }

  /** A write that worked ends a failure (RocksDB does not always stop for one). */
  private void wrote() {
    if (failures.wrote(System.currentTimeMillis())) {
      LOG.info("storage in {} writes again", dir);
    }
  }

  /** The recovery thread's poll: reopen a failed database once that can work. */
  private void recoverIfFailed() {
    if (closed || !failures.failedNow()) {
      return;
    }
    long now = System.currentTimeMillis();
    boolean spaceReturned = NO_SPACE.equals(failures.health().error()) && freeBytes() >= freeAtFailure + RECOVERY_FREE_BYTES;
    if (!spaceReturned && now - lastRecoveryAttemptMs < RECOVERY_RETRY_MS) {
      return;
    }
    lastRecoveryAttemptMs = now;
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closeDb();
      try {
        open(false);
      } catch (RocksDBException e) {
        LOG.debug("storage in {} cannot be reopened for writing yet: {}", dir, e.getMessage());
        openReadOnly();
        return;
      }
      long lasted = failures.recovered(System.currentTimeMillis());
      LOG.info("storage in {} recovered: reopened after {} ms of failed writes", dir, lasted);
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void openReadOnly() {
    try {
      open(true);
    } catch (RocksDBException e) {
      LOG.warn("storage in {} cannot even be opened read-only: {}", dir, e.getMessage());
    }
  }

  private long freeBytes() {
    try {
      return Files.getFileStore(dir).getUsableSpace();
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    background.shutdownNow();
    try {
      background.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.writeLock().lock();
    try {
      if (db != null && !readOnly) {
        try {
          db.flushWal(true);
        } catch (RocksDBException e) {
          LOG.warn("final WAL sync failed: {}", e.getMessage());
        }
      }
      closeDb();
      closeOptions();
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void closeOptions() {
    writeOptions.close();
    cfOptions.close();
    dbOptions.close();
  }
}
