package io.quorumlab.sim;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.storage.RecordDamage;
import io.quorumlab.store.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.random.RandomGenerator;

/**
 * A node's disk, which outlives the node's process. Reads see every write at once (the page
 * cache); a write becomes durable when it is synced, which the node's {@link FsyncPolicy} decides
 * as {@link io.quorumlab.store.storage.RocksStorage} does: {@code ALWAYS} inside every write,
 * {@code PERIODIC} every {@code fsyncIntervalMs} (the simulation's timer, which a pause stops like
 * any thread of the process), {@code NEVER} not at all. Independently the operating system writes
 * back data older than {@link DiskConfig#writebackMs}.
 *
 * <p>A power loss keeps exactly the durable writes: as with a write-ahead log, what survives is a
 * prefix of the writes in the order they were made. The disk keeps one map of the current contents
 * and an undo log of the writes not yet durable; a power loss undoes them newest first.
 */
public final class SimDisk implements Storage {
  private record Undo(Space space, byte[] key, byte[] previous, long writtenAt) {}

  private final Simulation sim;
  private final FsyncPolicy policy;
  private final long writebackNanos;
  private final Map<Space, TreeMap<byte[], byte[]>> spaces = new EnumMap<>(Space.class);
  private final ArrayDeque<Undo> unsynced = new ArrayDeque<>();
  private long writes;
  private long syncs;
  private long lost;

  SimDisk(Simulation sim, FsyncPolicy policy, long writebackMs) {
    this.sim = sim;
    this.policy = policy;
    this.writebackNanos = writebackMs < 0 ? -1 : writebackMs * 1_000_000;
    for (Space s : Space.values()) {
      spaces.put(s, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    byte[] v = spaces.get(space).get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void put(Space space, byte[] key, byte[] value) {
    byte[] k = key.clone();
    byte[] previous = spaces.get(space).put(k, value.clone());
    written(space, k, previous);
  }

  @Override
  public void delete(Space space, byte[] key) {
    byte[] k = key.clone();
    byte[] previous = spaces.get(space).remove(k);
    written(space, k, previous);
  }

  private void written(Space space, byte[] key, byte[] previous) {
    writes++;
    if (policy == FsyncPolicy.ALWAYS) {
      syncs++;
      return;
    }
    unsynced.addLast(new Undo(space, key, previous, sim.now()));
    writeBack();
  }

  /**
   * Visits entries in unsigned key order. Entries are read in small batches, so the visitor may
   * write to the disk while it scans (RocksDB's iterator gives the same freedom).
   */
  @Override
  public void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    TreeMap<byte[], byte[]> map = spaces.get(space);
    byte[] from = fromKey;
    boolean inclusive = true;
    List<byte[]> batch = new ArrayList<>(128);
    while (true) {
      batch.clear();
      Iterator<Map.Entry<byte[], byte[]>> it = map.tailMap(from, inclusive).entrySet().iterator();
      while (it.hasNext() && batch.size() < 128) {
        Map.Entry<byte[], byte[]> e = it.next();
        batch.add(e.getKey());
        batch.add(e.getValue());
      }
      if (batch.isEmpty()) {
        return;
      }
      for (int i = 0; i < batch.size(); i += 2) {
        if (!visitor.test(batch.get(i).clone(), batch.get(i + 1).clone())) {
          return;
        }
      }
      from = batch.get(batch.size() - 2);
      inclusive = false;
    }
  }

  /** What RocksDB's close does: the write-ahead log is synced. */
  @Override
  public void close() {
    sync();
  }

  /** Makes every write so far durable (an fsync of the write-ahead log). */
  @Override
  public void sync() {
    if (!unsynced.isEmpty()) {
      syncs++;
      unsynced.clear();
    }
  }

  /** The machine lost power: writes not yet durable are gone. Returns how many. */
  int powerLoss() {
    writeBack();
    int undone = unsynced.size();
    undoDownTo(0);
    return undone;
  }

  /**
   * The machine lost power in the middle of writing back: of the writes not yet durable, those up to
   * a random one reached the disk, that last one only in part (a prefix of its bytes, as
   * {@link RecordDamage#torn} cuts it), and the rest are gone. Returns what happened.
   */
  String tornPowerLoss(RandomGenerator random) {
    writeBack();
    if (unsynced.isEmpty()) {
      return "0 unsynced writes lost; nothing to tear";
    }
    int keep = random.nextInt(unsynced.size()) + 1;
    int undone = unsynced.size() - keep;
    undoDownTo(keep);
    Undo last = unsynced.peekLast();
    unsynced.clear();
    byte[] now = spaces.get(last.space()).get(last.key());
    String what = undone + " unsynced writes lost";
    if (now == null) {
      return what + "; the last write to reach the disk was a delete: nothing to tear";
    }
    byte[] part = RecordDamage.torn(now, random);
    spaces.get(last.space()).put(last.key(), part);
    return what + "; " + (keep - 1) + " reached the disk whole and the next, of " + last.space() + " key '"
        + new String(last.key(), StandardCharsets.UTF_8) + "', torn (" + part.length + " of " + now.length + " bytes)";
  }

  private void undoDownTo(int keep) {
    while (unsynced.size() > keep) {
      Undo u = unsynced.pollLast();
      lost++;
      if (u.previous() == null) {
        spaces.get(u.space()).remove(u.key());
      } else {
        spaces.get(u.space()).put(u.key(), u.previous());
      }
    }
  }

  /**
   * Bit rot: flips a byte of up to {@code count} random data records on the medium, durable or not
   * (no write, so nothing a power loss undoes). Returns their keys.
   */
  List<String> corrupt(int count, RandomGenerator random) {
    List<String> out = new ArrayList<>();
    for (byte[] key : RecordDamage.pick(this, Space.DATA, count, random)) {
      TreeMap<byte[], byte[]> data = spaces.get(Space.DATA);
      data.put(key, RecordDamage.flipped(data.get(key), random));
      out.add(new String(key, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The process died but the machine did not: the page cache reaches the disk. */
  void processCrash() {
    unsynced.clear();
  }

  /** The operating system's own writeback: writes older than the writeback age are durable. */
  private void writeBack() {
    if (writebackNanos < 0) {
      return;
    }
    long cutoff = sim.now() - writebackNanos;
    while (!unsynced.isEmpty() && unsynced.peekFirst().writtenAt() <= cutoff) {
      unsynced.pollFirst();
    }
  }

  public FsyncPolicy policy() {
    return policy;
  }

  /** Writes and deletes since the disk was created. */
  public long writes() {
    return writes;
  }

  /** Syncs that made something durable. */
  public long syncs() {
    return syncs;
  }

  /** Writes not durable yet (lost by a power failure now). */
  public int unsyncedWrites() {
    return unsynced.size();
  }

  /** Writes lost to power failures so far. */
  public long lostWrites() {
    return lost;
  }

  /** Entries stored in {@code space} now. */
  public int size(Space space) {
    return spaces.get(space).size();
  }
}
