package io.quorumlab.store.storage;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BiPredicate;

/** Storage in the heap, for tests and the simulator: nothing survives the process. */
public final class MemoryStorage implements Storage {
  private final Map<Space, ConcurrentNavigableMap<byte[], byte[]>> spaces = new EnumMap<>(Space.class);

  public MemoryStorage() {
    for (Space s : Space.values()) {
      spaces.put(s, new ConcurrentSkipListMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public byte[] get(Space space, byte[] key) {
    byte[] v = spaces.get(space).get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void put(Space space, byte[] key, byte[] value) {
    spaces.get(space).put(key.clone(), value.clone());
  }

  @Override
  public void delete(Space space, byte[] key) {
    spaces.get(space).remove(key);
  }

  @Override
  public void scan(Space space, byte[] fromKey, BiPredicate<byte[], byte[]> visitor) {
    for (Map.Entry<byte[], byte[]> e : spaces.get(space).tailMap(fromKey, true).entrySet()) {
      if (!visitor.test(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public void close() {}
}
