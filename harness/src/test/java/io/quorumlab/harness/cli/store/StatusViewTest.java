package io.quorumlab.harness.cli.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.storage.StorageHealth;
import org.junit.jupiter.api.Test;

class StatusViewTest {
  static final long NOW = 1_700_000_100_000L;

  @Test
  void theStorageLineSaysWhetherANodeStoresWritesAndWhatFailedBefore() {
    assertThat(StatusView.storage(StorageHealth.HEALTHY, NOW)).isEqualTo("storage ok");
    assertThat(StatusView.storage(new StorageHealth(StorageHealth.FAILED, "no space left on device", NOW - 12_300, NOW - 12_300, 0, 1, 0), NOW))
        .isEqualTo("storage FAILED for 12.3 s: no space left on device (writes refused until it recovers)");
    assertThat(StatusView.storage(new StorageHealth(StorageHealth.OK, "no space left on device", 0, NOW - 9000, NOW - 2000, 2, 2), NOW))
        .isEqualTo("storage ok (failed 2 times, last: no space left on device, recovered 2.0 s ago)");
    assertThat(StatusView.storage(null, NOW)).isEqualTo("storage state unknown");
  }
}
