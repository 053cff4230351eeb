package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.assertExactly;
import static io.quorumlab.checkers.elle.ElleAssertions.assertUnknown;
import static io.quorumlab.checkers.elle.ElleAssertions.assertValid;
import static io.quorumlab.checkers.elle.ElleAssertions.listAppend;
import static io.quorumlab.checkers.elle.ElleAssertions.not;
import static io.quorumlab.checkers.elle.ElleAssertions.rwRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import org.junit.jupiter.api.Test;

/**
 * Elle's empty-transaction-graph: when the dependency graph it checks (data dependencies plus the
 * process or realtime order the requested models need) has no edge at all, nothing was checked,
 * and the verdict is unknown unless another anomaly already makes it invalid. Cases from Elle's
 * list_append_test and rw_register_test.
 */
class EmptyTransactionGraphTest {

  @Test
  void onlyInvocations() {
    CheckResult r = listAppend(new Txn().invoke(0, "append x 1").invoke(1, "r x nil").history());
    assertUnknown(r, "empty-transaction-graph");
    assertThat(not(r)).isEmpty();
  }

  @Test
  void onlyAFailedAppend() {
    assertUnknown(listAppend(new Txn().fail(0, "append x 1").history()), "empty-transaction-graph");
  }

  @Test
  void anAbortedReadAloneIsUnknownUnderReadUncommitted() {
    CheckResult r = listAppend(new Txn().fail(0, "append x 1").ok(1, "r x [1]").history(), "read-uncommitted");
    assertUnknown(r, "empty-transaction-graph");
    assertThat(not(r)).containsExactly("read-committed");
  }

  @Test
  void anAbortedReadAloneIsInvalidUnderReadCommitted() {
    CheckResult r = listAppend(new Txn().fail(0, "append x 1").ok(1, "r x [1]").history(), "read-committed");
    assertExactly(r, "G1a", "empty-transaction-graph");
    assertThat(not(r)).containsExactly("read-committed");
  }

  @Test
  void registerIntermediateReadWithoutExternalDependency() {
    // the read of an intermediate write is no wr edge: G1b, and nothing else to check
    CheckResult r = rwRegister(new Txn().ok(0, "w x 1; w x 2").ok(1, "r x 1").history(), "repeatable-read");
    assertExactly(r, "G1b", "empty-transaction-graph");
  }

  @Test
  void realtimeOrderAloneIsSomethingToCheck() {
    // two reads of nothing, one after the other: no data edge, but a realtime one
    assertValid(listAppend(new Txn().ok(0, "r x nil").ok(1, "r y nil").history(), "strict-serializable"));
  }

  @Test
  void withoutRealtimeTheSameHistoryHasNothingToCheck() {
    assertUnknown(listAppend(new Txn().ok(0, "r x nil").ok(1, "r y nil").history(), "serializable"), "empty-transaction-graph");
  }

  @Test
  void realtimeOrderIntoAFailedTransactionCounts() {
    // Elle's realtime graph links a completed transaction to every later one, failed ones included
    assertValid(listAppend(new Txn().ok(0, "r x nil").fail(1, "append x 1").history(), "strict-serializable"));
  }

  @Test
  void processOrderAloneIsSomethingToCheck() {
    assertValid(listAppend(new Txn().ok(0, "r x nil").ok(0, "r y nil").history(), "strong-session-serializable"));
  }

  @Test
  void processOrderBetweenDifferentProcessesIsNone() {
    assertUnknown(listAppend(new Txn().ok(0, "r x nil").ok(1, "r y nil").history(), "strong-session-serializable"),
        "empty-transaction-graph");
  }

  @Test
  void aDataEdgeIsSomethingToCheck() {
    assertValid(listAppend(new Txn().concurrent("append x 1", "r x [1]").history(), "serializable"));
  }
}
