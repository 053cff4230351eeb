package io.quorumlab.store.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.config.FsyncPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksStorageTest {
  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> keys(Storage s, Storage.Space space, String from) {
    List<String> out = new ArrayList<>();
    s.scan(space, b(from), (k, v) -> {
      out.add(new String(k, StandardCharsets.UTF_8));
      return out.size() < 3;
    });
    return out;
  }

  void exercise(Storage s) {
    s.put(Storage.Space.DATA, b("b"), b("2"));
    s.put(Storage.Space.DATA, b("a"), b("1"));
    s.put(Storage.Space.DATA, b("c"), b("3"));
    s.put(Storage.Space.DATA, b("d"), b("4"));
    s.put(Storage.Space.HINTS, b("a"), b("hint"));
    assertThat(s.get(Storage.Space.DATA, b("a"))).isEqualTo(b("1"));
    assertThat(s.get(Storage.Space.HINTS, b("a"))).isEqualTo(b("hint"));
    assertThat(s.get(Storage.Space.META, b("a"))).isNull();
    assertThat(keys(s, Storage.Space.DATA, "")).containsExactly("a", "b", "c");
    assertThat(keys(s, Storage.Space.DATA, "bb")).containsExactly("c", "d");
    s.delete(Storage.Space.DATA, b("c"));
    assertThat(s.get(Storage.Space.DATA, b("c"))).isNull();
  }

  @Test
  void memoryAndRocksBehaveAlike() {
    exercise(new MemoryStorage());
    for (FsyncPolicy p : FsyncPolicy.values()) {
      try (RocksStorage s = new RocksStorage(dir.resolve(p.name()), p, 10)) {
        exercise(s);
      }
    }
  }

  @Test
  void rocksKeepsItsDataAcrossReopening() {
    try (RocksStorage s = new RocksStorage(dir, FsyncPolicy.ALWAYS, 100)) {
      s.put(Storage.Space.DATA, b("k"), b("v"));
      s.put(Storage.Space.META, b("generation"), b("7"));
    }
    try (RocksStorage s = new RocksStorage(dir, FsyncPolicy.ALWAYS, 100)) {
      assertThat(s.get(Storage.Space.DATA, b("k"))).isEqualTo(b("v"));
      assertThat(s.get(Storage.Space.META, b("generation"))).isEqualTo(b("7"));
    }
  }
}
