package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryParseErrorsTest {
  @TempDir Path tmp;

  private HistoryParseException failure(String name, String text) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, text);
    try {
      Histories.read(file);
    } catch (HistoryParseException e) {
      assertThat(e.file()).isEqualTo(file);
      assertThat(e.getMessage()).startsWith(file + ":" + e.line() + ": ");
      return e;
    }
    throw new AssertionError("no HistoryParseException for " + name);
  }

  private static final String W0 = "{:type :invoke, :f :write, :value 1, :process 0}\n";
  private static final String W0_OK = "{:type :ok, :f :write, :value 1, :process 0}\n";

  @Test
  void ednSyntaxErrorHasItsLine() throws IOException {
    HistoryParseException e = failure("h.edn", W0 + W0_OK + "{:type :invoke, :f :read :value nil, :process 1\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).startsWith("EDN syntax error");
  }

  @Test
  void jsonSyntaxErrorHasItsLine() throws IOException {
    HistoryParseException e = failure("h.jsonl", "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n\n{\"process\":0,\"type\":\"ok\",\"f\":\"read\",}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).startsWith("JSON syntax error");
  }

  @Test
  void completionWithoutInvocation() throws IOException {
    HistoryParseException e = failure("h.edn", W0 + W0_OK + "{:type :ok, :f :read, :value 1, :process 4}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).contains("process 4").contains("no open invocation");
  }

  @Test
  void processWithTwoOpenOps() throws IOException {
    HistoryParseException e = failure("h.edn", W0 + "\n{:type :invoke, :f :read, :value nil, :process 0}\n");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).contains("process 0").contains("still open").contains("line 1");
  }

  @Test
  void unknownType() throws IOException {
    HistoryParseException e = failure("h.jsonl", "{\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n{\"process\":0,\"type\":\"done\",\"f\":\"read\"}\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("unknown op type 'done'");
  }

  @Test
  void completionWithAnotherF() throws IOException {
    HistoryParseException e = failure("h.edn", W0 + "{:type :ok, :f :read, :value 1, :process 0}\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("has f read").contains("has f write");
  }

  @Test
  void missingProcessAndNonMapForms() throws IOException {
    assertThat(failure("a.edn", "{:type :invoke, :f :read}\n").reason()).contains("no process");
    HistoryParseException e = failure("b.edn", W0 + "[1 2 3]\n");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.reason()).contains("expected an EDN map");
    assertThat(failure("c.edn", "{:type :invoke, :f :read, :process \"p1\"}\n").reason()).contains("process must be a non-negative integer");
  }

  @Test
  void unclosedVector() throws IOException {
    assertThat(failure("v.edn", "[" + W0 + W0_OK).reason()).contains("never closed");
  }

  @Test
  void unrecognisableFormatAndMissingFile() throws IOException {
    assertThat(failure("h.txt", "hello\n").reason()).contains("--format");
    assertThatThrownBy(() -> Histories.read(tmp.resolve("nope.edn")))
        .isInstanceOf(HistoryParseException.class).hasMessageContaining("no such file");
  }

  @Test
  void handBuiltHistoryIsValidatedOnUse() {
    History h = History.of(Op.of(0, 1, 0, OpType.OK, "read", null, 1L));
    assertThatThrownBy(h::operations).isInstanceOf(HistoryParseException.class).hasMessageContaining("no open invocation");
  }
}
