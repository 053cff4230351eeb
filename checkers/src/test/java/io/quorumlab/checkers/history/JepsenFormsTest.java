package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms of history that Jepsen, Knossos and Elle write, and input that must be refused cleanly. */
class JepsenFormsTest {
  @TempDir Path tmp;

  private static final String W = "{:type :invoke, :f :write, :value 1, :process 0}\n{:type :ok, :f :write, :value 1, :process 0}\n";

  private History read(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return Histories.read(file);
  }

  @Test
  void oneTopLevelListAsKnossosWritesIt() throws IOException {
    History h = read("k.edn", "(" + W + " {:type :invoke, :f :read, :value nil, :process 1}\n {:type :ok, :f :read, :value 1, :process 1})\n");
    assertThat(h.size()).isEqualTo(4);
    assertThat(h.ops().get(3).value()).isEqualTo(1L);
    assertThat(h.sourceLine(2)).isEqualTo(3);
    assertThatThrownBy(() -> read("open.edn", "(" + W)).isInstanceOf(HistoryParseException.class).hasMessageContaining("opening ( is never closed");
    assertThatThrownBy(() -> read("mixed.edn", "(" + W + "]")).isInstanceOf(HistoryParseException.class);
  }

  @Test
  void taggedRecordsAreReadAsMaps() throws IOException {
    History h = read("t.edn", """
        #jepsen.history.Op{:index 0, :time 10, :type :invoke, :process 0, :f :write, :value 1}
        #jepsen.history.Op{:index 1, :time 20, :type :ok, :process 0, :f :write, :value 1}
        #knossos.op.Op{:process 1, :type :invoke, :f :read, :value nil}
        #knossos.op.Op{:process 1, :type :ok, :f :read, :value #jepsen.history.Op{:a 1}}
        """);
    assertThat(h.size()).isEqualTo(4);
    assertThat(h.ops().get(1).time()).isEqualTo(20);
    assertThat(h.ops().get(3).value()).isEqualTo(java.util.Map.of("a", 1L));
    History v = read("v.edn", "[#jepsen.history.Op{:index 0, :type :invoke, :process 0, :f :read, :value nil}]");
    assertThat(v.ops().get(0).f()).isEqualTo("read");
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    assertThat(read("b.edn", "\uFEFF" + W).size()).isEqualTo(2);
    assertThat(read("b.jsonl", "\uFEFF{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n").size()).isEqualTo(1);
    // sniffed by content, after the mark
    assertThat(read("b.txt", "\uFEFF" + W).size()).isEqualTo(2);
  }

  @Test
  void deepNestingIsBadInputWithItsLine() throws IOException {
    char[] open = new char[100_000];
    char[] close = new char[100_000];
    Arrays.fill(open, '[');
    Arrays.fill(close, ']');
    String deep = "{:type :invoke, :f :write, :process 0, :value " + new String(open) + new String(close) + "}\n";
    assertThatThrownBy(() -> read("d.edn", W + deep))
        .isInstanceOfSatisfying(HistoryParseException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).contains("nested more than");
        });
    assertThatThrownBy(() -> read("v.edn", new String(open) + new String(close)))
        .isInstanceOfSatisfying(HistoryParseException.class, e -> assertThat(e.line()).isEqualTo(1));
    String json = "{\"process\":0,\"type\":\"invoke\",\"f\":\"w\",\"value\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}\n";
    assertThatThrownBy(() -> read("d.jsonl", json)).isInstanceOf(HistoryParseException.class);
  }

  @Test
  void readMicroOpWithoutValueIsAReadOfNil() throws IOException {
    History h = read("e.edn", """
        {:type :invoke, :f :txn, :value [[:r :y] [:append :x 1]], :process 0}
        {:type :ok, :f :txn, :value [[:r :y] [:append :x 1]], :process 0}
        """);
    assertThat(h.ops().get(1).value()).isEqualTo(List.of(Arrays.asList("r", "y", null), List.of("append", "x", 1L)));
    History j = Histories.parse("{\"process\":0,\"type\":\"invoke\",\"f\":\"txn\",\"value\":[[\"r\",\"y\"]]}\n", HistoryFormat.JSONL);
    assertThat(j.ops().get(0).value()).isEqualTo(List.of(Arrays.asList("r", "y", null)));
  }

  @Test
  void negativeProcessesAreRefusedSoNoneIsTakenForTheNemesis() throws IOException {
    String minusOne = W + "{:type :invoke, :f :read, :value nil, :process -1}\n{:type :ok, :f :read, :value 2, :process -1}\n";
    assertThatThrownBy(() -> read("m.edn", minusOne))
        .isInstanceOfSatisfying(HistoryParseException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).contains("process must be a non-negative integer or nemesis, found -1");
        });
    assertThatThrownBy(() -> Histories.parse("{\"process\":-7,\"type\":\"invoke\",\"f\":\"read\"}\n", HistoryFormat.JSONL))
        .isInstanceOf(HistoryParseException.class).hasMessageContaining("non-negative");
    assertThat(read("n.edn", "{:type :info, :f :start, :process :nemesis}\n").ops().get(0).isNemesis()).isTrue();
  }
}
