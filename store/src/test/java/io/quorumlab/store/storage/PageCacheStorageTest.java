package io.quorumlab.store.storage;

import static io.quorumlab.store.storage.RocksStorageTest.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.config.FsyncPolicy;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page cache of the disk nemesis, on RocksDB: a power loss keeps exactly what was synced. */
class PageCacheStorageTest {
  @TempDir Path dir;

  private ChecksummedStorage open(PageCacheStorage[] cache, FsyncPolicy policy) {
    cache[0] = new PageCacheStorage(new RocksStorage(dir, FsyncPolicy.NEVER, 100), policy, 10_000);
    return ChecksummedStorage.recover(cache[0], "test");
  }

  private ChecksummedStorage reopen() {
    return ChecksummedStorage.recover(new RocksStorage(dir, FsyncPolicy.ALWAYS, 100), "test");
  }

  @Test
  void aPowerLossUndoesEveryWriteSinceTheLastSync() {
    PageCacheStorage[] cache = new PageCacheStorage[1];
    ChecksummedStorage s = open(cache, FsyncPolicy.NEVER);
    s.put(Storage.Space.DATA, b("old"), b("1"));
    s.sync();
    s.put(Storage.Space.DATA, b("old"), b("2"));
    s.put(Storage.Space.DATA, b("new"), b("3"));
    s.delete(Storage.Space.DATA, b("old"));
    assertThat(cache[0].unsyncedWrites()).isEqualTo(3);
    assertThat(cache[0].powerLoss(false, new SplittableRandom(1))).startsWith("3 unsynced writes lost");
    assertThatThrownBy(() -> s.get(Storage.Space.DATA, b("old"))).isInstanceOf(StorageException.class).hasMessageContaining("crashed");
    cache[0].close();
    try (ChecksummedStorage after = reopen()) {
      assertThat(after.get(Storage.Space.DATA, b("old"))).isEqualTo(b("1"));
      assertThat(after.get(Storage.Space.DATA, b("new"))).isNull();
    }
  }

  @Test
  void underFsyncAlwaysAPowerLossLosesNothing() {
    PageCacheStorage[] cache = new PageCacheStorage[1];
    ChecksummedStorage s = open(cache, FsyncPolicy.ALWAYS);
    for (int i = 0; i < 20; i++) s.put(Storage.Space.DATA, b("k" + i), b("v" + i));
    assertThat(cache[0].powerLoss(true, new SplittableRandom(1))).startsWith("0 unsynced writes lost; nothing to tear");
    cache[0].close();
    try (ChecksummedStorage after = reopen()) {
      for (int i = 0; i < 20; i++) assertThat(after.get(Storage.Space.DATA, b("k" + i))).isEqualTo(b("v" + i));
      assertThat(after.discarded()).isZero();
    }
  }

  @Test
  void aTornTailIsDiscardedByRecoveryAndTheWritesBeforeItSurvive() {
    for (long seed = 1; seed <= 5; seed++) {
      PageCacheStorage[] cache = new PageCacheStorage[1];
      ChecksummedStorage s = open(cache, FsyncPolicy.NEVER);
      s.put(Storage.Space.DATA, b("synced"), b("s"));
      s.sync();
      for (int i = 0; i < 10; i++) s.put(Storage.Space.DATA, b("k" + i), b("value " + i));
      String done = cache[0].powerLoss(true, new SplittableRandom(seed));
      cache[0].close();
      try (ChecksummedStorage after = reopen()) {
        assertThat(after.discarded()).as(done).isEqualTo(1);
        assertThat(after.get(Storage.Space.DATA, b("synced"))).isEqualTo(b("s"));
        int whole = 0;
        for (int i = 0; i < 10; i++) {
          byte[] v = after.get(Storage.Space.DATA, b("k" + i));
          if (v != null) {
            assertThat(v).isEqualTo(b("value " + i));
            assertThat(i).as("a prefix of the writes survives").isEqualTo(whole);
            whole++;
          }
        }
        assertThat(done).contains(whole + " reached the disk whole").contains("'k" + whole + "', torn");
      }
      for (String f : dir.toFile().list()) new java.io.File(dir.toFile(), f).delete();
    }
  }

  @Test
  void corruptionFlipsStoredDataRecordsThatChecksumsThenRefuse() {
    PageCacheStorage[] cache = new PageCacheStorage[1];
    ChecksummedStorage s = open(cache, FsyncPolicy.ALWAYS);
    for (int i = 0; i < 10; i++) s.put(Storage.Space.DATA, b("k" + i), b("v" + i));
    s.put(Storage.Space.META, b("generation"), b("g"));
    var keys = cache[0].corrupt(3, new SplittableRandom(7));
    assertThat(keys).hasSize(3);
    for (String k : keys) {
      assertThatThrownBy(() -> s.get(Storage.Space.DATA, b(k))).isInstanceOf(DamagedRecordException.class);
    }
    assertThat(s.get(Storage.Space.META, b("generation"))).isEqualTo(b("g"));
    s.close();
  }
}
