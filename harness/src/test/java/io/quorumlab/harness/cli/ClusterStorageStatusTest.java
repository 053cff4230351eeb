package io.quorumlab.harness.cli;

import io.quorumlab.harness.ExitCodes;
import static io.quorumlab.harness.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

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

        disk.fill();
        CliRun put = null;
        for (int i = 0; i < 200 && (put == null || put.code() == 0); i++) {
          put = run("kv", "put", "k" + i, "x".repeat(1000), "--node", "n1", "--dir", dir.toString());
        }
        assertThat(put.code()).as(put.out() + put.err()).isEqualTo(KvCommand.INDETERMINATE);
        assertThat(put.err()).contains("n2: no space left on device");
        CliRun full = run("cluster", "status", "--dir", dir.toString());
        assertThat(full.code()).as("a node whose storage fails is not healthy").isEqualTo(ExitCodes.INVALID);
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
        assertThat(recovered.code()).as(recovered.out()).isZero();
        assertThat(recovered.out()).contains("storage ok (failed 1 time, last: no space left on device, recovered");
        assertThat(run("kv", "put", "after", "v", "--node", "n1", "--dir", dir.toString()).code()).isZero();
      } finally {
        run("cluster", "stop", "--dir", dir.toString());
      }
    }
  }
}
