package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file too big to be read whole again (over 16 MiB) whose last line is cut off fails at that
 * line, found by reading the end first; the same file ending in a whole line reads. The estimate
 * of the heap a file needs grows with its number of lines.
 */
class TruncatedBigFileTest {
  @TempDir Path tmp;

  private static final String PAIR = "{:type :invoke, :f :write, :value 1, :process 0}\n{:type :ok, :f :write, :value 1, :process 0}\n";

  /** Writes pairs of lines past 17 MiB, then {@code tail}; returns the number of lines before the tail. */
  private long write(Path file, String tail) throws IOException {
    long lines = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (long bytes = 0; bytes < (17L << 20); bytes += PAIR.length(), lines += 2) w.write(PAIR);
      w.write(tail);
    }
    return lines;
  }

  @Test
  void aCutOffLastLineFailsAtThatLine() throws IOException {
    Path file = tmp.resolve("big.edn");
    long before = write(file, "{:type :invoke, :f :write, :val");
    assertThatThrownBy(() -> Histories.read(file))
        .isInstanceOfSatisfying(HistoryParseException.class, e -> {
          assertThat(e.file()).isEqualTo(file);
          assertThat(e.line()).isEqualTo(before + 1);
          assertThat(e.reason()).startsWith("EDN syntax error");
        });
  }

  @Test
  void aWholeLastLineReads() throws IOException {
    Path file = tmp.resolve("big.edn");
    long before = write(file, "{:type :invoke, :f :write, :value 2, :process 1}\n\n");
    History h = Histories.read(file);
    assertThat(h.size()).isEqualTo(before + 1);
    assertThat(h.sourceLine((int) before)).isEqualTo(before + 1);
  }

  @Test
  void theHeapEstimateCountsLines() throws IOException {
    Path file = tmp.resolve("big.edn");
    long lines = write(file, "");
    long estimate = Histories.minimumHeapBytes(file);
    // 45 bytes per op at the least, lines estimated from the first 64 KiB
    assertThat(estimate).isBetween(lines * 40, lines * 50);
  }

  @Test
  void theHeapEstimateSkipsBlankLines() throws IOException {
    Path file = tmp.resolve("spaced.edn");
    Files.writeString(file, (PAIR.replace("\n", "\n\n")).repeat(10_000));
    assertThat(Histories.minimumHeapBytes(file)).isBetween(20_000L * 40, 20_000L * 50);
  }
}
