package io.quorumlab.store.handoff;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link HintStore} on the node's storage engine, through {@link OrderedBytes}. Record key:
 * owner (UTF-8), a 0 byte, the hint id (8 bytes big-endian), so one owner's hints are contiguous
 * and in id order. Record value: createdAt (8), key length (4), key, value length (4), value.
 *
 * <p>Opening scans the records once to rebuild the small in-memory index (owner to ids) and the next
 * id, so ids keep increasing across restarts and a restarted fallback resumes delivery.
 */
public final class DurableHintStore implements HintStore {
  private final OrderedBytes storage;
  private final TreeMap<String, TreeSet<Long>> index = new TreeMap<>();
  private long nextId = 1;

  public DurableHintStore(OrderedBytes storage) {
    this.storage = storage;
    storage.scan(new byte[0], (key, value) -> {
      ByteBuffer buffer = ByteBuffer.wrap(key);
      int separator = key.length - 9;
      if (separator < 0 || key[separator] != 0) {
        throw new IllegalStateException("corrupt hint record key of " + key.length + " bytes");
      }
      String owner = new String(key, 0, separator, StandardCharsets.UTF_8);
      long id = buffer.getLong(separator + 1);
      index.computeIfAbsent(owner, o -> new TreeSet<>()).add(id);
      nextId = Math.max(nextId, id + 1);
      return true;
    });
  }

  private static byte[] prefix(String owner) {
    byte[] name = owner.getBytes(StandardCharsets.UTF_8);
    for (byte b : name) {
      if (b == 0) {
        throw new IllegalArgumentException("owner id must not contain a NUL character");
      }
    }
    byte[] prefix = new byte[name.length + 1];
    System.arraycopy(name, 0, prefix, 0, name.length);
    return prefix;
  }

  private static byte[] recordKey(String owner, long id) {
    byte[] prefix = prefix(owner);
    return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(id).array();
  }

  @Override
  public Hint add(String owner, byte[] key, byte[] value, long createdAt) {
    byte[] recordKey = recordKey(owner, nextId);
    Hint hint = new Hint(nextId++, owner, key, value, createdAt);
    byte[] record = ByteBuffer.allocate(16 + key.length + value.length)
        .putLong(createdAt).putInt(key.length).put(key).putInt(value.length).put(value).array();
    storage.put(recordKey, record);
    index.computeIfAbsent(owner, o -> new TreeSet<>()).add(hint.id());
    return hint;
  }

  @Override
  public List<Hint> oldest(String owner, int maxHints, long maxBytes) {
    List<Hint> batch = new ArrayList<>();
    if (!index.containsKey(owner) || maxHints <= 0) {
      return batch;
    }
    byte[] prefix = prefix(owner);
    long[] bytes = {0};
    storage.scan(prefix, (key, value) -> {
      Hint hint = decode(owner, ByteBuffer.wrap(key).getLong(prefix.length), value);
      if (!batch.isEmpty() && bytes[0] + hint.sizeBytes() > maxBytes) {
        return false;
      }
      batch.add(hint);
      bytes[0] += hint.sizeBytes();
      return batch.size() < maxHints;
    });
    return batch;
  }

  private static Hint decode(String owner, long id, byte[] record) {
    try {
      ByteBuffer buffer = ByteBuffer.wrap(record);
      long createdAt = buffer.getLong();
      byte[] key = new byte[buffer.getInt()];
      buffer.get(key);
      byte[] value = new byte[buffer.getInt()];
      buffer.get(value);
      if (buffer.hasRemaining()) {
        throw new IllegalStateException(buffer.remaining() + " trailing bytes");
      }
      return new Hint(id, owner, key, value, createdAt);
    } catch (RuntimeException e) {
      throw new IllegalStateException("corrupt hint record " + id + " for " + owner + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int delete(String owner, long[] ids) {
    TreeSet<Long> held = index.get(owner);
    if (held == null) {
      return 0;
    }
    int deleted = 0;
    for (long id : ids) {
      if (held.remove(id)) {
        storage.delete(recordKey(owner, id));
        deleted++;
      }
    }
    if (held.isEmpty()) {
      index.remove(owner);
    }
    return deleted;
  }

  @Override
  public long count(String owner) {
    TreeSet<Long> held = index.get(owner);
    return held == null ? 0 : held.size();
  }

  @Override
  public Set<String> owners() {
    return new TreeSet<>(index.keySet());
  }
}
