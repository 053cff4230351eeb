package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.storage.ChecksummedStorage;
import io.quorumlab.store.storage.MemoryStorage;
import io.quorumlab.store.storage.PageCacheStorage;
import io.quorumlab.store.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DiskFaultCommandsTest {
  private final PageCacheStorage cache = new PageCacheStorage(new MemoryStorage(), FsyncPolicy.NEVER, 100);
  private final Storage storage = ChecksummedStorage.recover(cache, "test");
  private final AtomicInteger crashes = new AtomicInteger();
  private final DiskFaultCommands commands = new DiskFaultCommands(cache, c -> "next:" + c, crashes::incrementAndGet);

  private void put(String k) {
    storage.put(Storage.Space.DATA, k.getBytes(StandardCharsets.UTF_8), k.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void otherCommandsGoToTheNodesOwnHandler() {
    assertThat(commands.handle("status")).isEqualTo("next:status");
  }

  @Test
  void aCrashSaysWhatWasLostAndEndsTheNode() {
    put("a");
    put("b");
    assertThat(commands.handle("disk crash 7")).isEqualTo("{\"fault\":\"crash\",\"done\":\"2 unsynced writes lost\"}");
    assertThat(crashes).hasValue(1);
  }

  @Test
  void corruptNamesTheKeysItDamaged() {
    put("a");
    assertThat(commands.handle("disk corrupt 3 1")).contains("corrupted 1 data records: a");
    assertThat(crashes).hasValue(0);
  }

  @Test
  void badCommandsAreRefusedWithTheUsage() {
    for (String bad : new String[] {"disk melt 1", "disk crash", "disk crash x", "disk corrupt 0 1", "disk corrupt 1"}) {
      assertThatThrownBy(() -> commands.handle(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("expected disk crash SEED");
    }
    assertThat(crashes).hasValue(0);
  }
}
