package io.quorumlab.store.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.testing.TinyDisk;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk stops RocksDB with a background error that it never clears by itself; the storage
 * reports the failure and writes again once space is free, with everything written before intact.
 */
class RocksStorageDiskFullTest {
  @TempDir Path dir;

  static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesFailWhileTheDiskIsFullAndWorkAgainSoonAfterSpaceReturns() throws Exception {
    try (TinyDisk disk = TinyDisk.mount(dir.resolve("disk"), 8)) {
      RocksStorage storage = new RocksStorage(disk.root().resolve("db"), FsyncPolicy.ALWAYS, 100);
      try {
        for (int i = 0; i < 100; i++) storage.put(Storage.Space.DATA, b("k" + i), new byte[100]);
        assertThat(storage.health()).isEqualTo(StorageHealth.HEALTHY);

        // Recovering from the error, RocksDB may let go of space it had preallocated, and the
        // storage then rightly reopens: take that space too and write until refused again.
        int acked = 100;
        int rounds = 0;
        StorageException failure = null;
        while (rounds < 5 && (failure == null || !storage.health().failedNow())) {
          disk.fill();
          rounds++;
          failure = null;
          for (int i = 0; i < 100_000 && failure == null; i++) {
            try {
              storage.put(Storage.Space.DATA, b("k" + acked), new byte[100]);
              acked++;
            } catch (StorageException e) {
              failure = e;
            }
          }
        }
        assertThat(failure).isNotNull().hasMessage("no space left on device");
        StorageHealth failed = storage.health();
        assertThat(failed.state()).isEqualTo(StorageHealth.FAILED);
        assertThat(failed.error()).isEqualTo("no space left on device");
        assertThat(failed.failedSinceMs()).isPositive().isGreaterThanOrEqualTo(failed.firstFailureMs());
        assertThat(failed.failedSinceMs() == failed.firstFailureMs()).as("the first failure is the current one").isEqualTo(rounds == 1);
        assertThat(storage.get(Storage.Space.DATA, b("k0"))).as("reads work while writes fail").hasSize(100);

        disk.free();
        long freed = System.nanoTime();
        long firstWriteMs = -1;
        while (firstWriteMs < 0 && System.nanoTime() - freed < 10_000_000_000L) {
          try {
            storage.put(Storage.Space.DATA, b("after"), b("v"));
            firstWriteMs = (System.nanoTime() - freed) / 1_000_000;
          } catch (StorageException notYet) {
            Thread.sleep(2);
          }
        }
        System.out.println("storage: first successful write " + firstWriteMs + " ms after space returned");
        assertThat(firstWriteMs).as("ms from space returning to the first successful write").isNotNegative();
        StorageHealth recovered = storage.health();
        assertThat(recovered.state()).isEqualTo(StorageHealth.OK);
        assertThat(recovered.failures()).as("one failure per refused round").isEqualTo(rounds);
        assertThat(recovered.recoveries()).isEqualTo(rounds);
        assertThat(recovered.recoveredAtMs()).isGreaterThanOrEqualTo(failed.failedSinceMs());
        for (int i = 0; i < acked; i++) {
          assertThat(storage.get(Storage.Space.DATA, b("k" + i))).as("acknowledged write k%d", i).isNotNull();
        }
        assertThat(storage.get(Storage.Space.DATA, b("after"))).isEqualTo(b("v"));
      } finally {
        storage.close();
      }
    }
  }
}
