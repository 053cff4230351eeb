package io.quorumlab.store.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every record with a checksum of its own: a CRC32C of its space, key and value stored in front of
 * the value. A record whose bytes no longer match (a write torn by a crash, bits flipped on the
 * disk) is never returned as a value: {@link #get} throws {@link DamagedRecordException}, a scan
 * skips it. The engine's own checksums (RocksDB's blocks and WAL) cover what the engine wrote; this
 * one covers the record end to end, whatever happened below.
 *
 * <p>{@link #recover} is the start-up recovery: it discards every damaged record, so a torn tail
 * left by a crash is gone before the node serves anything and its replicas restore the keys through
 * anti-entropy and read repair.
 */
public final class ChecksummedStorage implements Storage {
  private static final Logger LOG = LoggerFactory.getLogger(ChecksummedStorage.class);
  static final int HEADER = 4;

  private final Storage engine;
  private long discarded;
  private long damagedReads;

  private ChecksummedStorage(Storage engine) {
    this.engine = engine;
  }

  /** {@code engine}, checksummed, with every damaged record discarded (and the discards synced). */
  public static ChecksummedStorage recover(Storage engine, String owner) {
    ChecksummedStorage s = new ChecksummedStorage(engine);
    for (Space space : Space.values()) {
      List<byte[]> damaged = new ArrayList<>();
      engine.scan(space, new byte[0], (key, stored) -> {
        if (!intact(space, key, stored)) damaged.add(key);
        return true;
      });
      for (byte[] key : damaged) {
        engine.delete(space, key);
        LOG.warn("{}: discarded a damaged {} record (torn or corrupt) of key '{}'", owner, space,
            new String(key, StandardCharsets.UTF_8));
      }
      s.discarded += damaged.size();
    }
    if (s.discarded > 0) {
      engine.sync();
    }
    return s;
  }

  /** The bytes stored for {@code value}: its checksum, then the value. */
  public static byte[] seal(Space space, byte[] key, byte[] value) {
    return ByteBuffer.allocate(HEADER + value.length).putInt(checksum(space, key, value, 0, value.length)).put(value).array();
  }

  /** Whether {@code stored} is a sealed record of {@code key} in {@code space}, unchanged. */
  public static boolean intact(Space space, byte[] key, byte[] stored) {
    return stored.length >= HEADER
        && ByteBuffer.wrap(stored).getInt() == checksum(space, key, stored, HEADER, stored.length - HEADER);
  }

  private static int checksum(Space space, byte[] key, byte[] value, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(space.ordinal());
    crc.update(key);
    crc.update(value, offset, length);
    return (int) crc.getValue();
  }

  private static byte[] open(byte[] stored) {
    return Arrays.copyOfRange(stored, HEADER, stored.length);
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    byte[] stored = engine.get(space, key);
    if (stored == null) {
      return null;
    }
    if (!intact(space, key, stored)) {
      damagedReads++;
      throw new DamagedRecordException("the stored " + space + " record of '"
          + new String(key, StandardCharsets.UTF_8) + "' is damaged (its checksum does not match)");
    }
    return open(stored);
  }

  @Override
  public void put(Space space, byte[] key, byte[] value) {
    engine.put(space, key, seal(space, key, value));
  }

  @Override
  public void delete(Space space, byte[] key) {
    engine.delete(space, key);
  }

  /** Visits the intact records; damaged ones are skipped (and counted). */
  @Override
  public void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    engine.scan(space, fromKey, (key, stored) -> {
      if (!intact(space, key, stored)) {
        damagedReads++;
        return true;
      }
      return visitor.test(key, open(stored));
    });
  }

  @Override
  public void sync() {
    engine.sync();
  }

  @Override
  public StorageHealth health() {
    return engine.health();
  }

  /** Damaged records the start-up recovery discarded. */
  public long discarded() {
    return discarded;
  }

  /** Reads and scans that met a damaged record since the start. */
  public long damagedReads() {
    return damagedReads;
  }

  @Override
  public void close() {
    engine.close();
  }
}
