package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.harness.time.RealTimeLoop;
import io.quorumlab.harness.time.VirtualLoop;
import io.quorumlab.workloads.Completion;
import io.quorumlab.workloads.Invocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryRecorderTest {

  @Test
  void indicesAreDenseAcrossThreadsAndTheFileIsReadableBeforeClose(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.jsonl");
    try (RealTimeLoop loop = new RealTimeLoop(); HistoryRecorder r = new HistoryRecorder(file, loop)) {
      List<Thread> threads = new ArrayList<>();
      for (int p = 0; p < 8; p++) {
        long process = p;
        Thread t = new Thread(() -> {
          for (int i = 0; i < 200; i++) {
            Op inv = r.invoke(process, new Invocation("write", 1L, (long) i), "n1", r.now());
            r.complete(inv, Completion.ok((long) i));
          }
        });
        threads.add(t);
        t.start();
      }
      r.nemesis(OpType.INFO, "start-partition", "n1 | n2 n3", null);
      for (Thread t : threads) t.join();
      History h = r.history();
      assertThat(h.size()).isEqualTo(8 * 400 + 1);
      for (int i = 0; i < h.size(); i++) assertThat(h.ops().get(i).index()).isEqualTo(i);
      h.validate();
      // streamed and flushed by the loop while the recorder is still open: a crash now keeps it
      loop.runUntil(loop.delay(TimeUnit.MILLISECONDS.toNanos(HistoryRecorder.FLUSH_MS * 3)));
      History onDisk = Histories.read(file);
      assertThat(onDisk.ops()).isEqualTo(h.ops());
      assertThat(r.counts().ok()).isEqualTo(1600);
      assertThat(r.okLatency().getTotalCount()).isEqualTo(1600);
    }
  }

  @Test
  void recordsNemesisOpsAndCompletionDetails(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("history.jsonl");
    try (VirtualLoop loop = new VirtualLoop(); HistoryRecorder r = new HistoryRecorder(file, loop)) {
      Op inv = r.invoke(3, new Invocation("read", 7L, null), "n2", r.now());
      r.complete(inv, Completion.info(null, "indeterminate: timed out"));
      r.nemesis(OpType.INFO, "start-kill", List.of("n1"), null);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).contains("\"type\":\"info\"").contains("\"error\":\"indeterminate: timed out\"").contains("\"node\":\"n2\"");
    assertThat(lines.get(2)).contains("\"process\":\"nemesis\"").contains("start-kill");
    History h = Histories.read(file);
    assertThat(h.ops().get(2).isNemesis()).isTrue();
    assertThat(h.ops().get(1).time()).isGreaterThanOrEqualTo(h.ops().get(0).time());
  }
}
