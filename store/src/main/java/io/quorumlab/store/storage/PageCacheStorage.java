package io.quorumlab.store.storage;

import io.quorumlab.store.config.FsyncPolicy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.random.RandomGenerator;

/**
 * The operating system's page cache, modelled in the node's own process so that a crash can empty
 * it (what LazyFS does under Jepsen's nodes): a plain kill keeps the page cache, so without this a
 * real backend cannot show what {@code fsync} is for. For the disk nemesis only
 * ({@link io.quorumlab.store.config.NodeConfig#diskFaults}).
 *
 * <p>Every write goes through to the engine at once, unsynced, so a kill -9 keeps it as the real
 * page cache does; what this storage adds is the log of the writes made since the last sync, with
 * what each replaced. {@link #powerLoss} undoes them, newest first, and syncs: the engine then
 * holds what a machine that lost power would have kept. Syncs follow the node's fsync policy, as
 * {@link RocksStorage} and the simulated disks do: {@code ALWAYS} inside every write,
 * {@code PERIODIC} every interval (on a thread of its own), {@code NEVER} not at all; and, as the
 * operating system does on its own, writes older than {@link #WRITEBACK_NANOS} count as written back.
 * The engine must not sync by itself (open it with {@code NEVER}).
 *
 * <p>Thread-safe: the node's thread writes, the periodic sync runs on its own thread.
 */
public final class PageCacheStorage implements Storage {
  /** Linux's dirty_expire_centisecs (30 s), as the simulated disks' default. */
  static final long WRITEBACK_NANOS = 30_000_000_000L;

  private record Undo(Space space, byte[] key, byte[] previous, long writtenAtNanos) {}

  private final Storage engine;
  private final FsyncPolicy policy;
  private final ArrayDeque<Undo> unsynced = new ArrayDeque<>();
  private final ScheduledExecutorService syncer;
  private boolean crashed;

  public PageCacheStorage(Storage engine, FsyncPolicy policy, long fsyncIntervalMs) {
    this.engine = engine;
    this.policy = policy;
    if (policy == FsyncPolicy.PERIODIC) {
      syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "page-cache-sync");
        t.setDaemon(true);
        return t;
      });
      long interval = Math.max(1, fsyncIntervalMs);
      syncer.scheduleWithFixedDelay(this::periodicSync, interval, interval, TimeUnit.MILLISECONDS);
    } else {
      syncer = null;
    }
  }

  @Override
  public synchronized byte[] get(Space space, byte[] key) {
    alive();
    return engine.get(space, key);
  }

  @Override
  public synchronized void put(Space space, byte[] key, byte[] value) {
    alive();
    byte[] previous = engine.get(space, key);
    engine.put(space, key, value);
    written(space, key, previous);
  }

  @Override
  public synchronized void delete(Space space, byte[] key) {
    alive();
    byte[] previous = engine.get(space, key);
    engine.delete(space, key);
    written(space, key, previous);
  }

  private void written(Space space, byte[] key, byte[] previous) {
    if (policy == FsyncPolicy.ALWAYS) {
      engine.sync();
      return;
    }
    long now = System.nanoTime();
    unsynced.addLast(new Undo(space, key.clone(), previous, now));
    while (!unsynced.isEmpty() && now - unsynced.peekFirst().writtenAtNanos() >= WRITEBACK_NANOS) {
      unsynced.pollFirst();
    }
  }

  @Override
  public synchronized void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    alive();
    engine.scan(space, fromKey, visitor);
  }

  @Override
  public synchronized void sync() {
    alive();
    engine.sync();
    unsynced.clear();
  }

  private synchronized void periodicSync() {
    if (!crashed) {
      try {
        sync();
      } catch (StorageException e) {
        // The engine records the failure in its health; the next interval tries again.
      }
    }
  }

  @Override
  public StorageHealth health() {
    return engine.health();
  }

  /** Writes made since the last sync (a power loss now undoes them). */
  public synchronized int unsyncedWrites() {
    return unsynced.size();
  }

  /**
   * The machine loses power: every write since the last sync is undone, newest first. With
   * {@code torn}, the writes up to a random one among them reached the disk after all and that last
   * one only in part (a prefix of its bytes): the torn tail the node's recovery must discard. From
   * now on every use of this storage fails, as the process is about to end. Returns what was lost.
   */
  public synchronized String powerLoss(boolean torn, RandomGenerator random) {
    alive();
    crashed = true;
    if (syncer != null) {
      syncer.shutdownNow();
    }
    int keep = torn && !unsynced.isEmpty() ? random.nextInt(unsynced.size()) + 1 : 0;
    int lost = unsynced.size() - keep;
    while (unsynced.size() > keep) {
      Undo u = unsynced.pollLast();
      if (u.previous() == null) {
        engine.delete(u.space(), u.key());
      } else {
        engine.put(u.space(), u.key(), u.previous());
      }
    }
    String what = lost + " unsynced writes lost";
    if (keep > 0) {
      Undo last = unsynced.peekLast();
      byte[] now = engine.get(last.space(), last.key());
      if (now == null) {
        what += "; the last write to reach the disk, " + keep + " of " + (keep + lost) + ", was a delete: nothing to tear";
      } else {
        byte[] part = RecordDamage.torn(now, random);
        engine.put(last.space(), last.key(), part);
        what += "; " + (keep - 1) + " reached the disk whole and the next, of " + last.space() + " key '"
            + new String(last.key(), StandardCharsets.UTF_8) + "', torn (" + part.length + " of " + now.length + " bytes)";
      }
    } else if (torn) {
      what += "; nothing to tear";
    }
    unsynced.clear();
    engine.sync();
    return what;
  }

  /** Flips a byte of up to {@code count} random data records on the disk itself; returns their keys. */
  public synchronized List<String> corrupt(int count, RandomGenerator random) {
    alive();
    // On the engine itself, synced there but not through this cache: bit rot is no write a power loss undoes.
    List<byte[]> keys = RecordDamage.corrupt(engine, Space.DATA, count, random);
    engine.sync();
    return keys.stream().map(k -> new String(k, StandardCharsets.UTF_8)).toList();
  }

  private void alive() {
    if (crashed) {
      throw new StorageException("the node crashed (disk nemesis): its storage is gone until it restarts", null);
    }
  }

  @Override
  public void close() {
    if (syncer != null) {
      syncer.shutdownNow();
    }
    synchronized (this) {
      engine.close();
    }
  }
}
