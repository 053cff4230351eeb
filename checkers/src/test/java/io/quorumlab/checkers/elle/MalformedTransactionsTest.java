package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.elle.txn.MalformedHistoryException;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions the checkers cannot interpret are bad input, located by op index. */
class MalformedTransactionsTest {

  private static History history(Object invokeValue, Object okValue) {
    return new History(List.of(
        Op.of(0, 0, 1, OpType.INVOKE, "txn", null, List.of(List.of("append", "x", 1L))),
        Op.of(1, 1, 1, OpType.OK, "txn", null, List.of(List.of("append", "x", 1L))),
        Op.of(2, 2, 2, OpType.INVOKE, "txn", null, invokeValue),
        Op.of(3, 3, 2, OpType.OK, "txn", null, okValue)));
  }

  private static void check(History h) {
    new ElleChecker(ElleAnalyzer.LIST_APPEND).check(h, CheckContext.defaults());
  }

  @Test
  void unknownMicroOp() {
    List<Object> txn = List.of(List.of("incr", "x", 1L));
    assertThatThrownBy(() -> check(history(txn, txn)))
        .isInstanceOf(MalformedHistoryException.class)
        .isInstanceOf(HistoryParseException.class)
        .hasMessageContaining("op index 3")
        .hasMessageContaining("unknown micro-op 'incr'");
  }

  @Test
  void readThatIsNotAList() {
    assertThatThrownBy(() -> check(history(List.of(Arrays.asList("r", "x", null)), List.of(List.of("r", "x", 5L)))))
        .isInstanceOf(MalformedHistoryException.class)
        .hasMessageContaining("op index 3")
        .hasMessageContaining("not a list");
  }

  @Test
  void appendOfAValueAlreadyAppended() {
    List<Object> txn = List.of(List.of("append", "x", 1L));
    MalformedHistoryException e = (MalformedHistoryException) org.assertj.core.api.Assertions.catchThrowable(() -> check(history(txn, txn)));
    assertThat(e.opIndex()).isEqualTo(3);
    assertThat(e.getMessage()).contains("op index 1 also appends").contains("unique per key");
  }

  @Test
  void valueThatIsNotATransaction() {
    assertThatThrownBy(() -> check(history(5L, 5L))).isInstanceOf(MalformedHistoryException.class).hasMessageContaining("list of micro-ops");
  }

  @Test
  void registerWriteOfAValueAlreadyWritten() {
    List<Object> w = List.of(List.of("w", "x", 1L));
    History h = new History(List.of(
        Op.of(0, 0, 1, OpType.INVOKE, "txn", null, w), Op.of(1, 1, 1, OpType.OK, "txn", null, w),
        Op.of(2, 2, 2, OpType.INVOKE, "txn", null, w), Op.of(3, 3, 2, OpType.FAIL, "txn", null, w)));
    assertThatThrownBy(() -> new ElleChecker(ElleAnalyzer.RW_REGISTER).check(h, CheckContext.defaults()))
        .isInstanceOf(MalformedHistoryException.class).hasMessageContaining("op index 3").hasMessageContaining("also writes");
  }

  @Test
  void registerAppendIsUnknown() {
    List<Object> a = List.of(List.of("append", "x", 1L));
    History h = new History(List.of(Op.of(0, 0, 1, OpType.INVOKE, "txn", null, a), Op.of(1, 1, 1, OpType.OK, "txn", null, a)));
    assertThatThrownBy(() -> new ElleChecker(ElleAnalyzer.RW_REGISTER).check(h, CheckContext.defaults()))
        .isInstanceOf(MalformedHistoryException.class).hasMessageContaining("unknown micro-op 'append'");
  }

  @Test
  void unknownConsistencyModel() {
    assertThatThrownBy(() -> ElleOptions.defaults().withConsistencyModels(List.of("serialisable")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown consistency model serialisable")
        .hasMessageContaining("snapshot-isolation");
  }
}
