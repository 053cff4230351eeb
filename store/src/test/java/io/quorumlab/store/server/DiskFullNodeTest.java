package io.quorumlab.store.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.store.admin.NodeStatus;
import io.quorumlab.store.client.Context;
import io.quorumlab.store.client.NettyStoreClient;
import io.quorumlab.store.client.RequestOptions;
import io.quorumlab.store.client.StoreException;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.storage.StorageHealth;
import io.quorumlab.store.testing.InJvmCluster;
import io.quorumlab.store.testing.TinyDisk;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * n2's data directory fills up: writes that need n2 fail with n2's reason, n2's status says its
 * storage failed, and once space returns n2 stores writes again without a restart.
 */
class DiskFullNodeTest {
  @TempDir Path dir;

  @Test
  void aNodeWhoseDiskFilledUpReportsItAndWritesAgainOnceSpaceReturns() throws Exception {
    try (TinyDisk disk = TinyDisk.mount(dir.resolve("n2-disk"), 16);
        InJvmCluster cluster = new InJvmCluster(3, dir, c -> {
          var b = c.toBuilder().n(3).w(3).r(1).quorum(Quorum.STRICT);
          if (c.nodeId().equals("n2")) b.dataDir(disk.root().resolve("data").toString());
          return b.build();
        })) {
      NettyStoreClient client = cluster.client("n1");
      RequestOptions all = RequestOptions.DEFAULTS.withW(3);
      client.put("before", new byte[100], Context.EMPTY, all);
      assertThat(cluster.status("n2").storage()).isEqualTo(StorageHealth.HEALTHY);

      // Recovering from the error, RocksDB may let go of space it had preallocated, and n2 then
      // rightly reopens: take that space too and write until refused again.
      String error = null;
      NodeStatus failed = null;
      for (int round = 0; round < 5 && (failed == null || !failed.storage().failedNow()); round++) {
        disk.fill();
        error = null;
        for (int i = 0; i < 10_000 && error == null; i++) {
          try {
            client.put("k" + round + "-" + i, new byte[1000], Context.EMPTY, all);
          } catch (StoreException e) {
            error = e.getMessage();
          }
        }
        failed = cluster.status("n2");
      }
      assertThat(error).as("what the client is told").contains("n2: no space left on device");
      assertThat(failed.storage().state()).isEqualTo(StorageHealth.FAILED);
      assertThat(failed.storage().error()).isEqualTo("no space left on device");
      assertThat(cluster.status("n1").storage().state()).isEqualTo(StorageHealth.OK);

      disk.free();
      long freed = System.nanoTime();
      long firstWriteMs = -1;
      while (firstWriteMs < 0 && System.nanoTime() - freed < 10_000_000_000L) {
        try {
          client.put("after", new byte[1000], Context.EMPTY, all);
          firstWriteMs = (System.nanoTime() - freed) / 1_000_000;
        } catch (StoreException notYet) {
          Thread.sleep(2);
        }
      }
      System.out.println("node: first write stored by all 3 replicas " + firstWriteMs + " ms after n2's space returned");
      assertThat(firstWriteMs).as("ms from space returning to the first write n2 stored").isNotNegative();
      StorageHealth recovered = cluster.status("n2").storage();
      assertThat(recovered.state()).isEqualTo(StorageHealth.OK);
      assertThat(recovered.failures()).as("the failure seen, and any it recovered from before").isEqualTo(failed.storage().failures());
      assertThat(recovered.recoveries()).isEqualTo(recovered.failures());
      assertThat(cluster.server("n2").localState("before").isEmpty()).isFalse();
      assertThat(cluster.server("n2").localState("after").isEmpty()).isFalse();
    }
  }
}
