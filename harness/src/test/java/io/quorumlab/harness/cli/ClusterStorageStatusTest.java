package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.cli.store.NodeLauncher;
import io.quorumlab.harness.testing.TinyDisk;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cluster status} tells a node whose disk is full from a healthy one, and sees it recover. */
class ClusterStorageStatusTest {
  @TempDir Path tmp;

  @Test
  void aNodeWithAFullDiskIsReportedAndCountedUntilItsSpaceReturns() throws Exception {
    Path dir = tmp.resolve("cluster");
    // cluster start keeps n2's data in DIR/n2/data: that is the small disk.
    try (TinyDisk disk = TinyDisk.mount(dir.resolve("n2").resolve("data"), 16)) {
      CliRun start = run("cluster", "start", "--nodes", "2", "--n", "2", "--w", "2", "--r", "1", "--heap", "96m",
          "--fsync", "always", "--dir", dir.toString());
      try {
        assertThat(start.code()).as(start.err()).isZero();
        CliRun healthy = run("cluster", "status", "--dir", dir.toString());
        assertThat(healthy.code()).as(healthy.out()).isZero();
        assertThat(healthy.out()).contains("answers, storage ok");

        // A full disk can get space back by itself: recovering from the error, RocksDB may let go of
        // the megabytes it preallocated for its manifest, and the node then rightly reopens and writes
        // again. So take what came back and write until refused, a few times if need be.
        CliRun put = null;
        CliRun full = null;
        int round = 0;
        for (; round < 5 && (full == null || full.code() == 0); round++) {
          disk.fill();
          put = refusedPut(dir, round);
          full = run("cluster", "status", "--dir", dir.toString());
        }
        System.out.println("cluster status: n2 reported FAILED after " + round + " fill(s) of its disk");
        assertThat(put.code()).as(put.out() + put.err()).isEqualTo(KvCommand.INDETERMINATE);
        assertThat(put.err()).contains("n2: no space left on device");
        assertThat(full.code()).as("a node whose storage fails is not healthy\n%s\n%s", full.out(), n2Log(dir))
            .isEqualTo(ExitCodes.INVALID);
        assertThat(full.out()).containsPattern("n2 127\\.0\\.0\\.1:\\d+ pid \\d+ running, answers, storage FAILED for \\d+\\.\\d s: "
            + "no space left on device").containsPattern("n1 .* answers, storage ok\n");

        disk.free();
        // The node recovers by itself once space returns, without a write to prompt it.
        CliRun recovered = full;
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (recovered.code() != 0 && System.nanoTime() < deadline) {
          Thread.sleep(100);
          recovered = run("cluster", "status", "--dir", dir.toString());
        }
        assertThat(recovered.code()).as("%s\n%s", recovered.out(), n2Log(dir)).isZero();
        assertThat(recovered.out()).containsPattern("n2 .* storage ok \\(failed \\d+ times?, last: no space left on device, recovered");
        assertThat(run("kv", "put", "after", "v", "--node", "n1", "--dir", dir.toString()).code()).isZero();
      } finally {
        run("cluster", "stop", "--dir", dir.toString());
      }
    }
  }

  /** Puts through n1 until one is refused (n2 cannot store it), at most 200. */
  private static CliRun refusedPut(Path dir, int round) {
    CliRun put = null;
    for (int i = 0; i < 200 && (put == null || put.code() == 0); i++) {
      put = run("kv", "put", "k" + round + "-" + i, "x".repeat(1000), "--node", "n1", "--dir", dir.toString());
    }
    return put;
  }

  private static String n2Log(Path dir) {
    return NodeLauncher.tail(dir.resolve("n2").resolve("node.log"), 40);
  }
}
