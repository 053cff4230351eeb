package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TxnColumns} keeps of each read its length and of each key its longest read, whatever the
 * chunks the file is cut into (so whichever chunk holds a key's longest read, and in whatever order
 * the parallel chunks are parsed), and gives up when two reads of a key disagree.
 */
class TxnColumnsTest {
  @TempDir Path tmp;

  private static final int KEYS = 7;

  /**
   * A serial list-append history: transaction i appends i to key i % KEYS and reads key (i + 3) % KEYS;
   * every 10th aborts (its append never happens), every 13th is indeterminate (its append happens).
   */
  private static List<String> serialHistory(int txns) {
    List<List<Integer>> lists = new ArrayList<>();
    for (int k = 0; k < KEYS; k++) lists.add(new ArrayList<>());
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < txns; i++) {
      int p = i % 5 + 5 * (i / 13); // an indeterminate op's process never runs again
      int w = i % KEYS;
      int r = (i + 3) % KEYS;
      lines.add("{:process " + p + ", :type :invoke, :f :txn, :value [[:append " + w + " " + i + "] [:r " + r + " nil]]}");
      if (i % 10 == 9) {
        lines.add("{:process " + p + ", :type :fail, :f :txn, :value [[:append " + w + " " + i + "] [:r " + r + " nil]]}");
        continue;
      }
      lists.get(w).add(i);
      if (i % 13 == 12) {
        lines.add("{:process " + p + ", :type :info, :f :txn, :value [[:append " + w + " " + i + "] [:r " + r + " nil]]}");
        continue;
      }
      String read = lists.get(r).toString().replace(",", "");
      lines.add("{:process " + p + ", :type :ok, :f :txn, :value [[:append " + w + " " + i + "] [:r " + r + " " + read + "]]}");
    }
    return lines;
  }

  private TxnColumns read(Path file, int chunkBytes) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      return TxnColumns.read(ch, 0, HistoryFormat.EDN, file, bytes -> {}, chunkBytes);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 300, 1000, 4096, 1 << 20})
  void everyChunkingReadsTheSameColumns(int chunkBytes) throws Exception {
    Path file = tmp.resolve("serial.edn");
    Files.write(file, serialHistory(400));
    TxnColumns whole = read(file, 1 << 24);
    TxnColumns cut = read(file, chunkBytes);
    assertThat(whole).isNotNull();
    assertThat(cut).isNotNull();
    assertThat(cut.size()).isEqualTo(whole.size()).isEqualTo(Files.readAllLines(file).size());
    for (int op = 0; op < whole.size(); op++) {
      assertThat(cut.type(op)).isEqualTo(whole.type(op));
      assertThat(cut.process(op)).isEqualTo(whole.process(op));
      assertThat(cut.partnerOf(op)).isEqualTo(whole.partnerOf(op));
      boolean okInvocation = whole.type(op) == OpType.INVOKE && whole.partnerOf(op) >= 0 && whole.type(whole.partnerOf(op)) == OpType.OK;
      if (okInvocation) continue; // its micro-ops may be dropped: the completion's count
      assertThat(cut.mopCount(op)).isEqualTo(whole.mopCount(op)).isEqualTo(2);
      assertThat(cut.isAppend(op, 0)).isTrue();
      assertThat(cut.appended(op, 0)).isEqualTo(whole.appended(op, 0));
      assertThat(cut.key(op, 1)).isEqualTo(whole.key(op, 1));
      assertThat(cut.readLength(op, 1)).isEqualTo(whole.readLength(op, 1));
    }
    for (long k = 0; k < KEYS; k++) assertThat(cut.longestRead(k)).isEqualTo(whole.longestRead(k));
  }

  @Test
  void aReadIsItsLengthAndItsKeysLongestReadHoldsTheElements() throws Exception {
    Path file = tmp.resolve("serial.edn");
    List<String> lines = serialHistory(400);
    Files.write(file, lines);
    // line by line: the longest read of each key is in the last chunks, the short ones long before
    TxnColumns c = read(file, 64);
    int okSeen = 0;
    for (int op = 0; op < c.size(); op++) {
      if (c.type(op) != OpType.OK) continue;
      okSeen++;
      String line = lines.get(op);
      String read = line.substring(line.lastIndexOf("[:r "));
      String elements = read.substring(read.indexOf(' ', 4) + 1).replaceAll("[\\[\\]}]", "").trim();
      int n = elements.isEmpty() ? 0 : elements.split(" ").length;
      assertThat(c.readLength(op, 1)).isEqualTo(n);
      int[] longest = c.longestRead(c.key(op, 1));
      for (int i = 0; i < n; i++) assertThat(longest[i]).isEqualTo(Integer.parseInt(elements.split(" ")[i]));
    }
    assertThat(okSeen).isGreaterThan(200);
    // the longest read of key 0 holds what the committed and indeterminate transactions appended to it
    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < 400; i++) if (i % KEYS == 0 && i % 10 != 9) expected.add(i);
    int[] longest = c.longestRead(0);
    assertThat(longest.length).isLessThanOrEqualTo(expected.size()).isGreaterThan(expected.size() - 5);
    for (int i = 0; i < longest.length; i++) assertThat(longest[i]).isEqualTo(expected.get(i));
  }

  @Test
  void anInvocationCompletedOkLaterInTheChunkKeepsNoMicroOps() throws Exception {
    Path file = tmp.resolve("serial.edn");
    Files.write(file, serialHistory(100));
    TxnColumns together = read(file, 1 << 20);
    TxnColumns apart = read(file, 64); // a line a chunk: no completion is in its invocation's chunk
    int dropped = 0;
    for (int op = 0; op < together.size(); op++) {
      if (together.type(op) != OpType.INVOKE) continue;
      boolean ok = together.partnerOf(op) >= 0 && together.type(together.partnerOf(op)) == OpType.OK;
      assertThat(together.mopCount(op)).isEqualTo(ok ? 0 : 2);
      assertThat(apart.mopCount(op)).isEqualTo(2);
      if (ok) dropped++;
    }
    assertThat(dropped).isGreaterThan(50);
  }

  @ParameterizedTest
  @ValueSource(ints = {64, 1 << 20})
  void readsThatAreNotPrefixesOfOneAnotherGiveUp(int chunkBytes) throws Exception {
    Path file = tmp.resolve("disagree.edn");
    List<String> lines = new ArrayList<>(serialHistory(200));
    // two reads of key 9: neither a prefix of the other, the longer one first or last
    lines.add(0, "{:process 900, :type :invoke, :f :txn, :value [[:r 9 nil]]}");
    lines.add(1, "{:process 900, :type :ok, :f :txn, :value [[:r 9 [1 2 3]]]}");
    lines.add("{:process 901, :type :invoke, :f :txn, :value [[:r 9 nil]]}");
    lines.add("{:process 901, :type :ok, :f :txn, :value [[:r 9 [2 1]]]}");
    Files.write(file, lines);
    assertThat(read(file, chunkBytes)).isNull();
    // with a read that agrees, it does not
    lines.set(lines.size() - 1, "{:process 901, :type :ok, :f :txn, :value [[:r 9 [1 2]]]}");
    Files.write(file, lines);
    TxnColumns c = read(file, chunkBytes);
    assertThat(c).isNotNull();
    assertThat(c.longestRead(9)).containsExactly(1, 2, 3);
    assertThat(c.readLength(c.size() - 1, 0)).isEqualTo(2);
  }

  @Test
  void anAbortedTransactionsReadThatDisagreesGivesUpToo() throws Exception {
    // Elle ignores what an aborted transaction read; the columns hold one list per key, so they leave it to the general path
    Path file = tmp.resolve("aborted.edn");
    List<String> lines = new ArrayList<>(serialHistory(50));
    lines.add("{:process 900, :type :invoke, :f :txn, :value [[:r 1 [99]]]}");
    lines.add("{:process 900, :type :fail, :f :txn, :value [[:r 1 [99]]]}");
    Files.write(file, lines);
    assertThat(read(file, 1 << 20)).isNull();
  }
}
