package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.alsoNot;
import static io.quorumlab.checkers.elle.ElleAssertions.assertExactly;
import static io.quorumlab.checkers.elle.ElleAssertions.assertValid;
import static io.quorumlab.checkers.elle.ElleAssertions.listAppend;
import static io.quorumlab.checkers.elle.ElleAssertions.not;
import static io.quorumlab.checkers.elle.ElleAssertions.rwRegister;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.history.OpType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Elle's "-item" anomalies: cycles whose anti-dependencies are all item (not predicate) edges, which
 * is every anti-dependency list-append and rw-register infer. Each type from a history that has
 * exactly it, with Elle's boundary, next to a near-miss twin; repeatable read proscribes the plain
 * item forms but not their process and realtime variants. The histories are those of Elle's
 * list_append_test and rw_register_test, the boundaries what elle.consistency-model computes.
 */
class ItemAnomaliesTest {

  private static final List<String> G_SINGLE_ITEM_ALSO_NOT = List.of("forward-consistent-view", "serializable",
      "snapshot-isolation", "strong-serializable", "strong-session-serializable", "strong-session-snapshot-isolation",
      "strong-snapshot-isolation", "update-serializable");
  private static final List<String> PROCESS_ALSO_NOT = List.of("strong-serializable", "strong-session-serializable",
      "strong-snapshot-isolation");

  // --- G-single-item ---

  /** T1 -ww(x)-> T2 -rw(y)-> T1: T2 overwrote T1's x but missed its y (Elle's "G-single" history). */
  private static Txn gSingleItem(String t2ReadsY) {
    return new Txn().concurrent("append x 1; append y 1", "append x 2; r y " + t2ReadsY, "r x [1 2]");
  }

  @Test
  void gSingleItemIsRepeatableReadViolation() {
    CheckResult r = listAppend(gSingleItem("nil").history(), "repeatable-read");
    assertExactly(r, "G-single-item");
    assertThat(not(r)).containsExactly("consistent-view", "repeatable-read");
    assertThat(alsoNot(r)).containsExactlyElementsOf(G_SINGLE_ITEM_ALSO_NOT);
  }

  @Test
  void gSingleItemNearMissSeesTheWholeWriter() {
    assertValid(listAppend(gSingleItem("[1]").history(), "repeatable-read"));
  }

  @Test
  void gSingleItemIsAllowedByReadCommitted() {
    CheckResult r = listAppend(gSingleItem("nil").history(), "read-committed");
    assertValid(r);
    assertThat(not(r)).containsExactly("consistent-view", "repeatable-read");
  }

  /** rw-register: T2 -wr(y)-> T1 -rw(x)-> T2, the initial nil preceding T2's x (Elle's "initial state"). */
  private static Txn registerGSingleItem(String t1ReadsX) {
    String t1 = "r x " + t1ReadsX + "; r y 1";
    return new Txn().invoke(0, t1).invoke(1, "w y 1; w x 2").complete(1, OpType.OK, "w y 1; w x 2").complete(0, OpType.OK, t1);
  }

  @Test
  void registerGSingleItem() {
    CheckResult r = rwRegister(registerGSingleItem("nil").history(), "repeatable-read");
    assertExactly(r, "G-single-item");
    assertThat(not(r)).containsExactly("consistent-view", "repeatable-read");
  }

  @Test
  void registerGSingleItemNearMiss() {
    assertValid(rwRegister(registerGSingleItem("2").history(), "repeatable-read"));
  }

  // --- G-nonadjacent-item ---

  /** T1 -wr-> T2 -rw-> T3 -wr-> T4 -rw-> T1 (Elle's G-nonadjacent-test). */
  private static Txn gNonadjacentItem(String t4ReadsX) {
    return new Txn().concurrent("append x 1", "r x [1]; r y nil", "append y 1", "r y [1]; r x " + t4ReadsX);
  }

  @Test
  void gNonadjacentItem() {
    CheckResult r = listAppend(gNonadjacentItem("nil").history(), "repeatable-read");
    assertExactly(r, "G-nonadjacent-item");
    assertThat(not(r)).containsExactly("repeatable-read", "snapshot-isolation");
    assertThat(alsoNot(r)).containsExactly("serializable", "strong-serializable", "strong-session-serializable",
        "strong-session-snapshot-isolation", "strong-snapshot-isolation");
  }

  @Test
  void gNonadjacentItemIsSnapshotIsolationViolationToo() {
    assertExactly(listAppend(gNonadjacentItem("nil").history(), "snapshot-isolation"), "G-nonadjacent-item");
  }

  @Test
  void gNonadjacentItemNearMiss() {
    assertValid(listAppend(gNonadjacentItem("[1]").history(), "repeatable-read"));
  }

  // --- G-single-item-process ---

  /** p1 appends x 2, then reads x missing it, while a third read orders 1 before 2 (Elle's "Strong Session SI violation"). */
  private static Txn gSingleItemProcess(long readerProcess) {
    return new Txn().ok(0, "append x 1").ok(1, "append x 2").ok(readerProcess, "r x [1]").ok(2, "r x [1 2]");
  }

  @Test
  void gSingleItemProcess() {
    CheckResult r = listAppend(gSingleItemProcess(1).history(), "strong-session-snapshot-isolation");
    assertExactly(r, "G-single-item-process");
    assertThat(not(r)).containsExactly("strong-session-snapshot-isolation");
    assertThat(alsoNot(r)).containsExactlyElementsOf(PROCESS_ALSO_NOT);
  }

  @Test
  void gSingleItemProcessNearMissOtherProcess() {
    assertValid(listAppend(gSingleItemProcess(3).history(), "strong-session-snapshot-isolation"));
  }

  @Test
  void gSingleItemProcessIsNoRepeatableReadViolation() {
    assertValid(listAppend(gSingleItemProcess(1).history(), "repeatable-read", "serializable"));
  }

  // --- G-single-item-realtime ---

  @Test
  void gSingleItemRealtime() {
    // the same history, the reader in its own process: only realtime orders it after the append of 2
    CheckResult r = listAppend(gSingleItemProcess(3).history(), "strict-serializable");
    assertExactly(r, "G-single-item-realtime");
    assertThat(not(r)).containsExactly("strong-snapshot-isolation");
    assertThat(alsoNot(r)).containsExactly("strong-serializable");
  }

  @Test
  void gSingleItemRealtimeNearMissOverlapping() {
    // the read overlaps the append of 2, so it may precede it
    Txn h = new Txn().ok(0, "append x 1").invoke(1, "append x 2").invoke(3, "r x [1]").complete(1, OpType.OK, "append x 2")
        .complete(3, OpType.OK, "r x [1]").ok(2, "r x [1 2]");
    assertValid(listAppend(h.history(), "strict-serializable"));
  }

  // --- G-nonadjacent-item-process ---

  /**
   * T0 reads z = [1] but x empty; p1 appends x 1 (T1), then reads z empty (T2); T3 appends z 1.
   * T2 -rw(z)-> T3 -wr(z)-> T0 -rw(x)-> T1 -process-> T2 (Elle's issue 17 history).
   */
  private static Txn gNonadjacentItemProcess(long t2Process) {
    return new Txn().ok(0, "r x nil; r z [1]").ok(1, "append x 1").ok(t2Process, "r z nil").ok(2, "append z 1");
  }

  @Test
  void gNonadjacentItemProcess() {
    CheckResult r = listAppend(gNonadjacentItemProcess(1).history(), "strong-session-snapshot-isolation");
    assertExactly(r, "G-nonadjacent-item-process");
    assertThat(not(r)).containsExactly("strong-session-snapshot-isolation");
    assertThat(alsoNot(r)).containsExactlyElementsOf(PROCESS_ALSO_NOT);
  }

  @Test
  void gNonadjacentItemProcessNearMissOtherProcess() {
    assertValid(listAppend(gNonadjacentItemProcess(3).history(), "strong-session-snapshot-isolation"));
  }

  @Test
  void gNonadjacentItemProcessIsNoSerializabilityViolation() {
    assertValid(listAppend(gNonadjacentItemProcess(1).history(), "serializable"));
  }

  // --- G-nonadjacent-item-realtime ---

  /** The same four transactions; T0 and T3 overlap everything, T1 ends before T2 begins or overlaps it. */
  private static Txn gNonadjacentItemRealtime(boolean t1BeforeT2) {
    String t0 = "r x nil; r z [1]";
    Txn h = new Txn().invoke(0, t0).invoke(2, "append z 1").invoke(1, "append x 1");
    if (t1BeforeT2) {
      h.complete(1, OpType.OK, "append x 1").invoke(3, "r z nil");
    } else {
      h.invoke(3, "r z nil").complete(1, OpType.OK, "append x 1");
    }
    return h.complete(3, OpType.OK, "r z nil").complete(2, OpType.OK, "append z 1").complete(0, OpType.OK, t0);
  }

  @Test
  void gNonadjacentItemRealtime() {
    CheckResult r = listAppend(gNonadjacentItemRealtime(true).history(), "strict-serializable");
    assertExactly(r, "G-nonadjacent-item-realtime");
    assertThat(not(r)).containsExactly("strong-snapshot-isolation");
    assertThat(alsoNot(r)).containsExactly("strong-serializable");
  }

  @Test
  void gNonadjacentItemRealtimeNearMissOverlapping() {
    assertValid(listAppend(gNonadjacentItemRealtime(false).history(), "strict-serializable"));
  }

  // --- the plain forms need a predicate anti-dependency, which these workloads never infer ---

  @Test
  void askingForPlainGSingleReportsTheItemForm() {
    // Elle: {:anomalies [:G-single]} reports :G-single-item, which implies it
    CheckResult r = new ElleChecker(ElleAnalyzer.LIST_APPEND, ElleOptions.defaults().withConsistencyModels(List.of()).withAnomalies(List.of("G-single")))
        .check(gSingleItem("nil").history(), io.quorumlab.checkers.CheckContext.defaults());
    assertExactly(r, "G-single-item");
  }
}
