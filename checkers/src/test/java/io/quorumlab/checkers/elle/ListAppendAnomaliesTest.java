package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.assertExactly;
import static io.quorumlab.checkers.elle.ElleAssertions.assertUnknown;
import static io.quorumlab.checkers.elle.ElleAssertions.assertValid;
import static io.quorumlab.checkers.elle.ElleAssertions.listAppend;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.history.OpType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every anomaly list-append reports, each from a small history that has exactly it, next to a
 * near-miss twin that must not be flagged.
 */
class ListAppendAnomaliesTest {

  // --- cycles over data dependencies ---

  @Test
  void g0WriteCycle() {
    // x: 1 then 2 (T1 before T2); y: 2 then 1 (T2 before T1)
    CheckResult r = listAppend(new Txn().concurrent("append x 1; append y 1", "append x 2; append y 2")
        .ok(9, "r x [1 2]; r y [2 1]").history());
    assertExactly(r, "G0");
    assertThat(ElleAssertions.not(r)).containsExactly("read-uncommitted");
    @SuppressWarnings("unchecked")
    Map<String, Object> cycle = ((Map<String, List<Map<String, Object>>>) r.details().get("anomalies")).get("G0").get(0);
    assertThat((List<?>) cycle.get("steps")).hasSize(2).allSatisfy(s -> assertThat(((Map<?, ?>) s).get("type")).isEqualTo("ww"));
  }

  @Test
  void g0NearMissAgreeingOrders() {
    assertValid(listAppend(new Txn().concurrent("append x 1; append y 1", "append x 2; append y 2")
        .ok(9, "r x [1 2]; r y [1 2]").history()));
  }

  @Test
  void g1cCircularInformationFlow() {
    // Elle's README example: T2 read T1's y, T1's x came before T2's
    CheckResult r = listAppend(new Txn().concurrent("append x 1; r y [1]", "append x 2; append y 1").ok(9, "r x [1 2]").history());
    assertExactly(r, "G1c");
    assertThat(r.explanation()).anyMatch(l -> l.contains("because T1 read key y = [1], which includes T2's append of 1")
        || l.contains("because T2 read key y = [1], which includes T1's append of 1"));
  }

  @Test
  void g1cNearMissReadNil() {
    assertValid(listAppend(new Txn().concurrent("append x 1; r y nil", "append x 2; append y 1").ok(9, "r x [1 2]").history()));
  }

  @Test
  void gSingleReadSkew() {
    // T2 sees T1's x but not its y
    assertExactly(listAppend(new Txn().concurrent("append x 1; append y 1", "r x [1]; r y nil").history()), "G-single-item");
  }

  @Test
  void gSingleNearMissSeesBoth() {
    assertValid(listAppend(new Txn().concurrent("append x 1; append y 1", "r x [1]; r y [1]").history()));
  }

  @Test
  void gSingleNearMissIndeterminateReader() {
    // an indeterminate transaction's reads are unknown, so they prove nothing
    Txn h = new Txn().invoke(1, "append x 1; append y 1").invoke(2, "r x [1]; r y nil");
    h.complete(1, OpType.OK, "append x 1; append y 1").complete(2, OpType.INFO, "r x [1]; r y nil").ok(3, "r x [1]; r y [1]");
    assertValid(listAppend(h.history()));
  }

  @Test
  void gNonadjacent() {
    // T1 -wr-> T2 -rw-> T3 -wr-> T4 -rw-> T1: two anti-dependencies, never adjacent
    CheckResult r = listAppend(new Txn().concurrent("append x 1", "r x [1]; r y nil", "append y 1", "r y [1]; r x nil").history());
    assertExactly(r, "G-nonadjacent-item");
    assertThat(ElleAssertions.not(r)).containsExactly("repeatable-read", "snapshot-isolation");
  }

  @Test
  void gNonadjacentNearMiss() {
    assertValid(listAppend(new Txn().concurrent("append x 1", "r x [1]; r y nil", "append y 1", "r y [1]; r x [1]").history()));
  }

  @Test
  void g2ItemWriteSkew() {
    CheckResult r = listAppend(new Txn().concurrent("r x nil; append y 1", "r y nil; append x 1").history());
    assertExactly(r, "G2-item");
    assertThat(ElleAssertions.not(r)).containsExactly("repeatable-read");
  }

  @Test
  void g2ItemIsAllowedBySnapshotIsolation() {
    CheckResult r = listAppend(new Txn().concurrent("r x nil; append y 1", "r y nil; append x 1").history(), "snapshot-isolation");
    assertValid(r);
    assertThat(ElleAssertions.not(r)).containsExactly("repeatable-read");
  }

  @Test
  void g2ItemNearMiss() {
    assertValid(listAppend(new Txn().concurrent("r x nil; append y 1", "r y [1]; append x 1").history()));
  }

  // --- process variants (session models make the checker add process order) ---

  @Test
  void g0Process() {
    // process 0 appends 2 then 1, but x's order is [1 2]
    CheckResult r = listAppend(new Txn().ok(0, "append x 2").ok(0, "append x 1").ok(9, "r x [1 2]").history(),
        "strong-session-serializable");
    assertExactly(r, "G0-process");
    assertThat(ElleAssertions.not(r)).containsExactly("strong-session-read-uncommitted");
  }

  @Test
  void g0ProcessNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 2").ok(0, "append x 1").ok(9, "r x [2 1]").history(), "strong-session-serializable"));
  }

  @Test
  void g1cProcess() {
    // process 0 reads y = [1] before its own later transaction appends 1 to y
    assertExactly(listAppend(new Txn().ok(0, "r y [1]").ok(0, "append y 1").history(), "strong-session-serializable"), "G1c-process");
  }

  @Test
  void g1cProcessNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "r y nil").ok(0, "append y 1").history(), "strong-session-serializable"));
  }

  @Test
  void gSingleProcess() {
    // process 0 does not see its own earlier append
    CheckResult r = listAppend(new Txn().ok(0, "append x 1").ok(0, "r x nil").history(), "strong-session-serializable");
    assertExactly(r, "G-single-item-process");
    assertThat(ElleAssertions.not(r)).containsExactly("strong-session-snapshot-isolation");
  }

  @Test
  void gSingleProcessNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(0, "r x [1]").history(), "strong-session-serializable"));
  }

  @Test
  void gSingleProcessIsNotAProblemForPlainSerializable() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(0, "r x nil").history(), "serializable"));
  }

  @Test
  void gNonadjacentProcess() {
    // A -process-> B -rw-> C -wr-> D -rw-> A
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "append y 1").complete(0, OpType.OK, "append x 1")
        .invoke(0, "r y nil").complete(1, OpType.OK, "append y 1").invoke(1, "r y [1]; r x nil")
        .complete(0, OpType.OK, "r y nil").complete(1, OpType.OK, "r y [1]; r x nil");
    assertExactly(listAppend(h.history(), "strong-session-serializable"), "G-nonadjacent-item-process");
  }

  @Test
  void gNonadjacentProcessNearMiss() {
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "append y 1").complete(0, OpType.OK, "append x 1")
        .invoke(0, "r y nil").complete(1, OpType.OK, "append y 1").invoke(1, "r y [1]; r x [1]")
        .complete(0, OpType.OK, "r y nil").complete(1, OpType.OK, "r y [1]; r x [1]");
    assertValid(listAppend(h.history(), "strong-session-serializable"));
  }

  @Test
  void g2ItemProcess() {
    // A (p0) -process-> C (p0) -rw-> B (p1) -rw-> A
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "r x nil; append y 1").complete(0, OpType.OK, "append x 1")
        .invoke(0, "r y nil").complete(0, OpType.OK, "r y nil").complete(1, OpType.OK, "r x nil; append y 1");
    assertExactly(listAppend(h.history(), "strong-session-serializable"), "G2-item-process");
  }

  @Test
  void g2ItemProcessNearMiss() {
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "r x nil; append y 1").complete(1, OpType.OK, "r x nil; append y 1")
        .complete(0, OpType.OK, "append x 1").invoke(0, "r y [1]").complete(0, OpType.OK, "r y [1]");
    assertValid(listAppend(h.history(), "strong-session-serializable"));
  }

  // --- realtime variants (strict serializability, the default) ---

  @Test
  void g0Realtime() {
    CheckResult r = listAppend(new Txn().ok(0, "append x 2").ok(1, "append x 1").ok(9, "r x [1 2]").history());
    assertExactly(r, "G0-realtime");
    assertThat(ElleAssertions.not(r)).containsExactly("strong-read-uncommitted");
    assertThat(r.explanation()).anyMatch(l -> l.contains("completed (op 1) before") && l.contains("was invoked (op 2)"));
  }

  @Test
  void g0RealtimeNearMissOverlapping() {
    // the same appends, overlapping in time: no realtime order, no anomaly
    Txn h = new Txn().invoke(0, "append x 2").invoke(1, "append x 1").complete(0, OpType.OK, "append x 2")
        .complete(1, OpType.OK, "append x 1").ok(9, "r x [1 2]");
    assertValid(listAppend(h.history()));
  }

  @Test
  void g1cRealtime() {
    assertExactly(listAppend(new Txn().ok(0, "r y [1]").ok(1, "append y 1").history()), "G1c-realtime");
  }

  @Test
  void g1cRealtimeNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "r y nil").ok(1, "append y 1").history()));
  }

  @Test
  void gSingleRealtime() {
    // a stale read: the append completed before the read began
    CheckResult r = listAppend(new Txn().ok(0, "append x 1").ok(1, "r x nil").history());
    assertExactly(r, "G-single-item-realtime");
    assertThat(ElleAssertions.not(r)).containsExactly("strong-snapshot-isolation");
  }

  @Test
  void gSingleRealtimeNearMissIndeterminateWrite() {
    // the append may have happened after the read: it ended indeterminate
    assertValid(listAppend(new Txn().info(0, "append x 1").ok(1, "r x nil").history()));
  }

  @Test
  void gNonadjacentRealtime() {
    // A -realtime-> B -rw-> C -wr-> D -rw-> A; D and C overlap everything else
    assertExactly(listAppend(nonadjacentRealtime("r x nil").history()), "G-nonadjacent-item-realtime");
  }

  @Test
  void gNonadjacentRealtimeNearMiss() {
    assertValid(listAppend(nonadjacentRealtime("r x [1]").history()));
  }

  private static Txn nonadjacentRealtime(String dReadsX) {
    String d = "r y [1]; " + dReadsX;
    return new Txn().invoke(0, "append x 1").invoke(3, d).invoke(1, "append y 1").complete(0, OpType.OK, "append x 1")
        .invoke(2, "r y nil").complete(2, OpType.OK, "r y nil").complete(1, OpType.OK, "append y 1").complete(3, OpType.OK, d);
  }

  @Test
  void g2ItemRealtime() {
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "r x nil; append y 1").complete(0, OpType.OK, "append x 1")
        .invoke(2, "r y nil").complete(2, OpType.OK, "r y nil").complete(1, OpType.OK, "r x nil; append y 1");
    assertExactly(listAppend(h.history()), "G2-item-realtime");
  }

  @Test
  void g2ItemRealtimeNearMiss() {
    Txn h = new Txn().invoke(0, "append x 1").invoke(1, "r x nil; append y 1").invoke(2, "r y nil")
        .complete(0, OpType.OK, "append x 1").complete(2, OpType.OK, "r y nil").complete(1, OpType.OK, "r x nil; append y 1");
    assertValid(listAppend(h.history()));
  }

  // --- anomalies without cycles ---

  @Test
  void g1aAbortedRead() {
    // the failed writer is in no graph, so as in Elle there is no edge to check either
    CheckResult r = listAppend(new Txn().fail(0, "append x 1").ok(1, "r x [1]").history());
    assertExactly(r, "G1a", "empty-transaction-graph");
    assertThat(r.explanation()).anyMatch(l -> l.contains("which failed (aborted read)"));
  }

  @Test
  void g1aNearMissIndeterminateWriter() {
    assertValid(listAppend(new Txn().info(0, "append x 1").ok(1, "r x [1]").history()));
  }

  @Test
  void g1bIntermediateRead() {
    // (the reader also sees half of the writer: G-single-item, which read committed allows)
    assertExactly(listAppend(new Txn().ok(0, "append x 1; append x 2").ok(1, "r x [1]").history(), "read-committed"), "G1b");
  }

  @Test
  void g1bNearMissFinalState() {
    assertValid(listAppend(new Txn().ok(0, "append x 1; append x 2").ok(1, "r x [1 2]").history(), "read-committed"));
  }

  @Test
  void internalInconsistency() {
    CheckResult r = listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1]; append x 2; r x [1]").history());
    assertExactly(r, "internal");
  }

  @Test
  void internalNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1]; append x 2; r x [1 2]").history()));
  }

  @Test
  void internalWithUnknownPrefix() {
    // after appending 2 without reading first, a read must end in 2
    assertExactly(listAppend(new Txn().ok(0, "append x 1").ok(1, "append x 2; r x [1]").history()), "internal");
  }

  @Test
  void futureRead() {
    assertExactly(listAppend(new Txn().ok(0, "r x [1]; append x 1").history()), "future-read", "empty-transaction-graph");
  }

  @Test
  void futureReadNearMiss() {
    assertUnknown(listAppend(new Txn().ok(0, "r x nil; append x 1").history()), "empty-transaction-graph");
  }

  @Test
  void dirtyUpdate() {
    // a failed append, then a committed one on top of it: dirty update, and the read is aborted
    CheckResult r = listAppend(new Txn().fail(0, "append x 1").ok(1, "append x 2").ok(2, "r x [1 2]").history());
    assertExactly(r, "dirty-update", "G1a");
  }

  @Test
  void dirtyUpdateNearMissIndeterminate() {
    assertValid(listAppend(new Txn().info(0, "append x 1").ok(1, "append x 2").ok(2, "r x [1 2]").history()));
  }

  @Test
  void duplicateElements() {
    assertExactly(listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1 1]").history()), "duplicate-elements");
  }

  @Test
  void duplicateElementsNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1]").history()));
  }

  @Test
  void incompatibleOrder() {
    // (serializable: with realtime order the late read of [2 1] would also be a stale read of 1)
    CheckResult r = listAppend(new Txn().concurrent("append x 1", "append x 2").ok(8, "r x [1 2]").ok(9, "r x [2 1]").history(),
        "serializable");
    assertExactly(r, "incompatible-order");
  }

  @Test
  void incompatibleOrderNearMiss() {
    assertValid(listAppend(new Txn().concurrent("append x 1", "append x 2").ok(8, "r x [1 2]").ok(9, "r x [1]").history(),
        "serializable"));
  }

  @Test
  void lostUpdate() {
    // both read [1] and appended; snapshot isolation forbids exactly this (the G2-item it implies it allows)
    CheckResult r = listAppend(new Txn().ok(0, "append x 1").concurrent("r x [1]; append x 2", "r x [1]; append x 3").history(),
        "snapshot-isolation");
    assertExactly(r, "lost-update");
  }

  @Test
  void lostUpdateNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1]; append x 2").ok(2, "r x [1 2]; append x 3").history(),
        "snapshot-isolation"));
  }

  @Test
  void garbageRead() {
    CheckResult r = listAppend(new Txn().ok(0, "append x 1").ok(1, "r x [1 9]").history());
    assertExactly(r, "garbage-read");
    assertThat(ElleAssertions.not(r)).containsExactly("read-uncommitted");
  }

  @Test
  void garbageReadNearMiss() {
    assertValid(listAppend(new Txn().ok(0, "append x 1").ok(1, "append x 9").ok(2, "r x [1 9]").history()));
  }

  @Test
  void failedTransactionsTakeNoPartInCycles() {
    // a failed transaction's read of nil proves nothing
    assertValid(listAppend(new Txn().ok(0, "append x 1").fail(1, "r x nil").history()));
  }

  @Test
  void openTransactionsAreIndeterminate() {
    // an invocation the history never completes may have taken effect
    Txn h = new Txn().invoke(0, "append x 1").ok(1, "r x [1]");
    assertValid(listAppend(h.history()));
  }

  @Test
  void indeterminateTransactionsAreNotOrderedByTheirProcess() {
    // process 0's append ended indeterminate, so it may take effect after its next transaction's read;
    // Elle's process order links ok transactions only
    Txn h = new Txn().info(0, "append x 1").ok(0, "r x nil").ok(1, "r x [1]");
    assertValid(listAppend(h.history(), "strong-session-serializable"));
  }

  @Test
  void indeterminateTransactionsNearMissCommitted() {
    Txn h = new Txn().ok(0, "append x 1").ok(0, "r x nil").ok(1, "r x [1]");
    assertExactly(listAppend(h.history(), "strong-session-serializable"), "G-single-item-process");
  }
}
