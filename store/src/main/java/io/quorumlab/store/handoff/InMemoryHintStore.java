package io.quorumlab.store.handoff;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** A {@link HintStore} in memory: for tests and for nodes that keep no data on disk anyway. */
public final class InMemoryHintStore implements HintStore {
  private final TreeMap<String, TreeMap<Long, Hint>> byOwner = new TreeMap<>();
  private long nextId = 1;

  @Override
  public Hint add(String owner, byte[] key, byte[] value, long createdAt) {
    Hint hint = new Hint(nextId++, owner, key, value, createdAt);
    byOwner.computeIfAbsent(owner, o -> new TreeMap<>()).put(hint.id(), hint);
    return hint;
  }

  @Override
  public List<Hint> oldest(String owner, int maxHints, long maxBytes) {
    List<Hint> batch = new ArrayList<>();
    long bytes = 0;
    for (Hint hint : byOwner.getOrDefault(owner, new TreeMap<>()).values()) {
      if (batch.size() >= maxHints || (!batch.isEmpty() && bytes + hint.sizeBytes() > maxBytes)) {
        break;
      }
      batch.add(hint);
      bytes += hint.sizeBytes();
    }
    return batch;
  }

  @Override
  public int delete(String owner, long[] ids) {
    TreeMap<Long, Hint> hints = byOwner.get(owner);
    if (hints == null) {
      return 0;
    }
    int deleted = 0;
    for (long id : ids) {
      if (hints.remove(id) != null) {
        deleted++;
      }
    }
    if (hints.isEmpty()) {
      byOwner.remove(owner);
    }
    return deleted;
  }

  @Override
  public long count(String owner) {
    TreeMap<Long, Hint> hints = byOwner.get(owner);
    return hints == null ? 0 : hints.size();
  }

  @Override
  public Set<String> owners() {
    return new TreeSet<>(byOwner.keySet());
  }
}
