package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.txn.MalformedHistoryException;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A transaction the checkers cannot interpret is reported with its file, line and op index. */
class MalformedTransactionLocationTest {

  private static MalformedHistoryException failure(Checker checker, String text, HistoryFormat format, Path file) {
    History h = Histories.parse(text, format, file);
    return catchThrowableOfType(() -> checker.check(h, CheckContext.defaults()), MalformedHistoryException.class);
  }

  @Test
  void jsonlAppendNotUniquePerKeyNamesTheLineAndIndex() {
    Path file = Path.of("h.jsonl");
    // line 6 holds the completion (index 3) whose append repeats index 1's; the blank line makes line != index + 1
    String jsonl = """
        {"index":0,"process":0,"type":"invoke","f":"txn","value":[["append","x",1]]}
        {"index":1,"process":0,"type":"ok","f":"txn","value":[["append","x",1]]}

        {"index":2,"process":1,"type":"invoke","f":"txn","value":[["r","y",null],["append","x",1]]}
        {"type":"info","f":"kill","process":"nemesis","index":4}
        {"index":3,"process":1,"type":"ok","f":"txn","value":[["r","y",[]],["append","x",1]]}
        """;
    MalformedHistoryException e = failure(new ElleChecker(ElleAnalyzer.LIST_APPEND), jsonl, HistoryFormat.JSONL, file);
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.opIndex()).isEqualTo(3);
    assertThat(e.getMessage()).isEqualTo("h.jsonl:6: op index 3: micro-op 1: appends 1 to key x, which op index 1 also appends;"
        + " list-append needs every appended value to be unique per key");
  }

  @Test
  void ednReadThatIsNotAListNamesTheLineAndIndex() {
    String edn = """
        ; Elle list-append, with explicit indices that are not positions
        [{:index 10, :type :invoke, :process 0, :f :txn, :value [[:r :x nil]]}
         {:index 11, :type :ok, :process 0, :f :txn, :value [[:r :x []]]}
         {:index 12, :type :invoke, :process 0, :f :txn, :value [[:append :x 1] [:r :x nil]]}

         {:index 13, :type :ok, :process 0, :f :txn, :value [[:append :x 1] [:r :x 7]]}]
        """;
    MalformedHistoryException e = failure(new ElleChecker(ElleAnalyzer.LIST_APPEND), edn, HistoryFormat.EDN, Path.of("h.edn"));
    assertThat(e.line()).isEqualTo(6);
    assertThat(e.opIndex()).isEqualTo(13);
    assertThat(e.getMessage()).startsWith("h.edn:6: op index 13: micro-op 1: reads key ").contains("which is not a list");
  }

  @Test
  void ednUnknownMicroOpWithoutAFileNamesTheLine() {
    String edn = "{:type :invoke, :process 0, :f :txn, :value [[:incr :x 1]]}\n"
        + "{:type :ok, :process 0, :f :txn, :value [[:incr :x 1]]}\n";
    MalformedHistoryException e = failure(new ElleChecker(ElleAnalyzer.LIST_APPEND), edn, HistoryFormat.EDN, null);
    assertThat(e.getMessage()).startsWith("line 2: op index 1: micro-op 0: unknown micro-op 'incr'");
  }

  @Test
  void rwRegisterWriteRepeatedNamesTheLine() {
    String edn = "{:type :invoke, :process 0, :f :txn, :value [[:w :x 1]]}\n"
        + "{:type :ok, :process 0, :f :txn, :value [[:w :x 1]]}\n"
        + "{:type :invoke, :process 1, :f :txn, :value [[:w :x 1]]}\n"
        + "{:type :fail, :process 1, :f :txn, :value [[:w :x 1]]}\n";
    MalformedHistoryException e = failure(new ElleChecker(ElleAnalyzer.RW_REGISTER), edn, HistoryFormat.EDN, Path.of("r.edn"));
    assertThat(e.getMessage()).startsWith("r.edn:4: op index 3: ").contains("also writes");
  }

  @Test
  void transactionValueThatIsNotAListNamesTheLine() {
    String edn = "{:type :invoke, :process 0, :f :txn, :value 5}\n{:type :ok, :process 0, :f :txn, :value 5}\n";
    MalformedHistoryException e = failure(new ElleChecker(ElleAnalyzer.LIST_APPEND), edn, HistoryFormat.EDN, Path.of("v.edn"));
    assertThat(e.getMessage()).startsWith("v.edn:2: op index 1: a transaction's value must be a list of micro-ops");
  }
}
