package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.harness.cluster.Classpath;
import io.quorumlab.harness.testing.TinyDisk;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose nodes' disk fills up mid-load: the storage errors reach the history, the console
 * summary and results.json, and the verdict is unknown instead of a lesson about W and R. The
 * harness runs in a child JVM whose temporary directory, where the local backend keeps the nodes'
 * data, is a small tmpfs of the test's own.
 */
class DiskFullRunTest {
  @TempDir Path tmp;

  @Test
  void nodesThatCouldNotStoreWritesAreNamedAndTheRunIsNotPassedOffAsAQuorumLesson() throws Exception {
    try (TinyDisk disk = TinyDisk.mount(tmp.resolve("disk"), 64)) {
      Path out = tmp.resolve("runs");
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
          "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + disk.root(), "-cp", Classpath.join(Classpath.current()),
          "io.quorumlab.harness.cli.Main", "run", "--out", out.toString(), "--nodes", "3", "--w", "2", "--r", "2",
          "--conflicts", "lww", "--nemesis", "none", "--time-limit", "8", "--rate", "100", "--quiesce", "1", "--seed", "3")
          .redirectErrorStream(true).start();
      List<String> lines = new CopyOnWriteArrayList<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          boolean filled = false;
          for (String line; (line = r.readLine()) != null; ) {
            lines.add(line);
            if (!filled && line.startsWith("load ") && line.contains("workload for")) {
              filled = true;
              Thread.sleep(1000);
              disk.fill();
              Thread.sleep(6000);
              disk.free();
            }
          }
        } catch (Exception e) {
          lines.add("test reader failed: " + e);
        }
      });
      reader.start();
      assertThat(p.waitFor(150, TimeUnit.SECONDS)).as("the run ends").isTrue();
      reader.join(10_000);
      String console = String.join("\n", lines);

      assertThat(p.exitValue()).as(console).isEqualTo(2);
      assertThat(console).containsPattern("verdict +UNKNOWN: nodes could not store writes: n\\d: no space left on device from \\d+\\.\\d s");
      // no quorum lesson: the one "why" line blames the disks
      assertThat(lines.stream().filter(l -> l.startsWith("why ")).toList()).singleElement().asString()
          .contains("could not store what they were sent").doesNotContain("W + R");

      Path runDir;
      try (Stream<Path> s = Files.walk(out)) {
        runDir = s.filter(f -> f.getFileName().toString().equals(RunDirectory.RESULTS)).findFirst().orElseThrow().getParent();
      }
      RunResults results = ResultsReader.read(runDir);
      assertThat(results.info().error()).startsWith("nodes could not store writes: ").contains("no space left on device from");
      History h = Histories.read(runDir.resolve(RunDirectory.HISTORY));
      // Which node fills first, and whether W replicas are full before the load ends, is up to the tmpfs
      // and RocksDB's flushes: while every write still finds W replicas with room, no op fails. Once
      // ops fail, the history names the full disk.
      List<io.quorumlab.checkers.history.Op> failed = h.ops().stream().filter(op -> op.error() != null).toList();
      if (!failed.isEmpty()) {
        assertThat(failed).anyMatch(op -> op.error().matches(".*n\\d: no space left on device.*"));
      }
    }
  }
}
