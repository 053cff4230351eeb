package io.quorumlab.harness.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.storage.StorageHealth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** What the watch makes of the storage health the nodes report. */
class StorageWatchTest {
  static final long START = 1_700_000_000_000L;

  final Map<String, StorageHealth> health = new ConcurrentHashMap<>();
  final List<String> events = new ArrayList<>();

  StorageWatch watch() {
    StorageWatch.Source source = new StorageWatch.Source() {
      @Override
      public Optional<StorageHealth> health(String node) {
        return Optional.ofNullable(health.get(node));
      }

      @Override
      public void close() {}
    };
    return new StorageWatch(List.of("n1", "n2", "n3"), source, Duration.ofHours(1), events::add);
  }

  static StorageHealth failed(long sinceMs) {
    return new StorageHealth(StorageHealth.FAILED, "no space left on device", START + sinceMs, START + sinceMs, 0, 1, 0);
  }

  @Test
  void aFailedNodeIsNamedWithItsErrorAndWhenItBeganAndEnded() {
    StorageWatch w = watch();
    health.put("n1", StorageHealth.HEALTHY);
    health.put("n2", StorageHealth.HEALTHY);
    // n3 does not answer at all: nothing is said of it
    w.pollOnce();
    assertThat(w.summary(START)).isEmpty();

    health.put("n2", failed(4100));
    w.pollOnce();
    w.pollOnce();
    assertThat(w.summary(START)).contains("n2: no space left on device from 4.1 s");
    assertThat(events).containsExactly("n2: storage failed: no space left on device; it refuses writes");

    health.put("n2", new StorageHealth(StorageHealth.OK, "no space left on device", 0, START + 4100, START + 9300, 1, 1));
    w.close();
    assertThat(w.summary(START)).contains("n2: no space left on device from 4.1 s to 9.3 s");
    assertThat(events).last().isEqualTo("n2: storage recovered, it stores writes again");
  }

  @Test
  void aFailureThatCameAndWentBetweenTwoPollsIsStillSeenAndSoIsEveryNode() {
    StorageWatch w = watch();
    health.put("n1", new StorageHealth(StorageHealth.OK, "write failed: I/O error", 0, START + 1000, START + 1200, 1, 1));
    health.put("n3", failed(2500));
    w.pollOnce();
    // n3 restarted (its counts begin anew) and failed again later: the first failure is what counts
    health.put("n3", failed(7000));
    w.pollOnce();
    assertThat(w.summary(START)).contains(
        "n1: write failed: I/O error from 1.0 s to 1.2 s; n3: no space left on device from 2.5 s");
  }
}
