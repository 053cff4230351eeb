package io.quorumlab.checkers.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The readers remember where each op starts, outside the ops themselves. */
class HistorySourceLinesTest {
  private static final Path FILE = Path.of("h.jsonl");

  @Test
  void jsonlLinesSkipBlankLines() {
    String jsonl = "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n"
        + "\n\n"
        + "{\"index\":1,\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":1}\n";
    History h = Histories.parse(jsonl, HistoryFormat.JSONL, FILE);
    assertThat(h.source()).isEqualTo(FILE);
    assertThat(h.sourceLine(0)).isEqualTo(1);
    assertThat(h.sourceLine(1)).isEqualTo(4);
    assertThat(h.sourceLine(2)).isZero();
    assertThat(h.ops().get(1).extra()).isEmpty();
  }

  @Test
  void ednLinesOfAVectorWithCommentsAndExplicitIndices() {
    String edn = "; a comment\n[{:index 10, :type :invoke, :f :read, :process 0}\n\n"
        + " {:index 11, :type :ok, :f :read, :value 1, :process 0}]\n";
    History h = Histories.parse(edn, HistoryFormat.EDN);
    assertThat(h.source()).isNull();
    assertThat(h.sourceLine(h.positionOf(10))).isEqualTo(2);
    assertThat(h.sourceLine(h.positionOf(11))).isEqualTo(4);
    assertThat(h.positionOf(12)).isEqualTo(-1);
    assertThat(h.sourceLine(-1)).isZero();
  }

  @Test
  void filteringKeepsSourceAndLines() {
    String edn = "{:type :info, :f :start, :process :nemesis}\n"
        + "{:type :invoke, :f :read, :process 0}\n"
        + "{:type :info, :f :start, :process :nemesis}\n"
        + "{:type :ok, :f :read, :value 1, :process 0}\n";
    History clients = Histories.parse(edn, HistoryFormat.EDN, FILE).clientOps();
    assertThat(clients.source()).isEqualTo(FILE);
    assertThat(clients.size()).isEqualTo(2);
    assertThat(clients.sourceLine(0)).isEqualTo(2);
    assertThat(clients.sourceLine(1)).isEqualTo(4);
  }

  @Test
  void builtHistoriesHaveNoSource() {
    History h = History.of(Op.of(0, 0, 0, OpType.INVOKE, "read", null, null));
    assertThat(h.source()).isNull();
    assertThat(h.sourceLine(0)).isZero();
    assertThat(h.positionOf(0)).isZero();
  }

  @Test
  void linesDoNotChangeEqualityOrTheWrittenText() {
    String jsonl = "{\"index\":0,\"process\":0,\"type\":\"invoke\",\"f\":\"read\"}\n\n"
        + "{\"index\":1,\"process\":0,\"type\":\"ok\",\"f\":\"read\",\"value\":1}\n";
    History read = Histories.parse(jsonl, HistoryFormat.JSONL, FILE);
    History built = new History(List.copyOf(read.ops()));
    assertThat(read).isEqualTo(built);
    assertThat(Histories.toString(read, HistoryFormat.JSONL)).isEqualTo(Histories.toString(built, HistoryFormat.JSONL));
  }
}
