package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.assertExactly;
import static io.quorumlab.checkers.elle.ElleAssertions.assertValid;
import static io.quorumlab.checkers.elle.ElleAssertions.rwRegister;
import static io.quorumlab.checkers.elle.ElleAssertions.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import org.junit.jupiter.api.Test;

/** rw-register anomalies, each with a near-miss twin. */
class RwRegisterAnomaliesTest {

  @Test
  void g1c() {
    CheckResult r = rwRegister(new Txn().concurrent("w x 1; r y 1", "w y 1; r x 1").history());
    assertExactly(r, "G1c");
    assertThat(r.explanation()).anyMatch(l -> l.contains("read key x = 1, which T") && l.contains("wrote"));
  }

  @Test
  void g1cNearMiss() {
    assertValid(rwRegister(new Txn().concurrent("w x 1; r y 1", "w y 1; r x nil").history()));
  }

  @Test
  void gSingle() {
    CheckResult r = rwRegister(new Txn().concurrent("w x 1; w y 1", "r x 1; r y nil").history());
    assertExactly(r, "G-single-item");
    assertThat(r.explanation()).anyMatch(l -> l.contains("read key y = nil") && l.contains("every version follows the initial nil"));
  }

  @Test
  void gSingleNearMiss() {
    assertValid(rwRegister(new Txn().concurrent("w x 1; w y 1", "r x 1; r y 1").history()));
  }

  @Test
  void g2Item() {
    assertExactly(rwRegister(new Txn().concurrent("r x nil; w y 1", "r y nil; w x 1").history()), "G2-item");
  }

  @Test
  void g2ItemNearMiss() {
    assertValid(rwRegister(new Txn().concurrent("r x nil; w y 1", "r y 1; w x 1").history()));
  }

  @Test
  void gSingleRealtimeStaleRead() {
    assertExactly(rwRegister(new Txn().ok(0, "w x 1").ok(1, "r x nil").history()), "G-single-item-realtime");
  }

  @Test
  void gSingleRealtimeNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 1").ok(1, "r x 1").history()));
  }

  @Test
  void g1a() {
    assertExactly(rwRegister(new Txn().fail(0, "w x 1").ok(1, "r x 1").history()), "G1a", "empty-transaction-graph");
  }

  @Test
  void g1aNearMissIndeterminate() {
    assertValid(rwRegister(new Txn().info(0, "w x 1").ok(1, "r x 1").history()));
  }

  @Test
  void g1b() {
    assertExactly(rwRegister(new Txn().ok(0, "w x 1; w x 2").ok(1, "r x 1").history()), "G1b");
  }

  @Test
  void g1bNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 1; w x 2").ok(1, "r x 2").history()));
  }

  @Test
  void internal() {
    assertExactly(rwRegister(new Txn().ok(0, "w x 2").ok(1, "w x 1; r x 2").history()), "internal");
  }

  @Test
  void internalNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 2").ok(1, "w x 1; r x 1").history()));
  }

  @Test
  void lostUpdate() {
    CheckResult r = rwRegister(new Txn().ok(0, "w x 1").concurrent("r x 1; w x 2", "r x 1; w x 3").history(), "snapshot-isolation");
    assertExactly(r, "lost-update");
  }

  @Test
  void lostUpdateNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 1").ok(1, "r x 1; w x 2").ok(2, "r x 2; w x 3").history(), "snapshot-isolation"));
  }

  @Test
  void garbageRead() {
    assertExactly(rwRegister(new Txn().ok(1, "r x 9").history()), "garbage-read", "empty-transaction-graph");
  }

  @Test
  void garbageReadNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 9").ok(1, "r x 9").history()));
  }

  @Test
  void cyclicVersions() {
    // writes-follow-reads orders 1 before 2 and 2 before 1
    CheckResult r = rwRegister(new Txn().concurrent("r x 1; w x 2", "r x 2; w x 1").history(), "read-uncommitted");
    assertExactly(r, "cyclic-versions");
  }

  @Test
  void cyclicVersionsNearMiss() {
    assertValid(rwRegister(new Txn().ok(0, "w x 1").ok(1, "r x 1; w x 2").ok(2, "r x 2; w x 3").history(), "read-uncommitted"));
  }

  @Test
  void linearizableKeysRevealAStaleReadTheDefaultsCannotSee() {
    // x = 1 then x = 2 in realtime; a later read of 1 is stale only if each key is linearizable,
    // and then realtime order puts 1 before 2 and 2 before 1: the versions themselves are cyclic
    History h = new Txn().ok(0, "w x 1").ok(1, "w x 2").ok(2, "r x 1").history();
    assertValid(rwRegister(h));
    ElleChecker lin = new ElleChecker(ElleAnalyzer.RW_REGISTER, ElleOptions.defaults().withRegisterInference(true, false, true));
    CheckResult r = lin.check(h, CheckContext.defaults());
    assertExactly(r, "cyclic-versions");
    assertThat(r.explanation()).anyMatch(l -> l.contains("linearizable-keys") && l.contains("in a cycle"));
  }

  @Test
  void sequentialKeysUseProcessOrder() {
    // process 0 wrote 1 then 2; process 1 read 2 then 1: with sequential keys, 1 < 2 makes that a cycle
    History h = new Txn().concurrent("w x 1").ok(0, "w x 2").ok(1, "r x 2").ok(1, "r x 1").history();
    ElleChecker seq = new ElleChecker(ElleAnalyzer.RW_REGISTER, ElleOptions.defaults().withConsistencyModels(java.util.List.of("serializable"))
        .withRegisterInference(true, true, false));
    // x=1 was written by another process than x=2, so only process 1's reads order 2 before 1: no cycle
    assertThat(seq.check(h, CheckContext.defaults()).verdict()).isEqualTo(Verdict.VALID);
    History h2 = new Txn().ok(0, "w x 1").ok(0, "w x 2").ok(1, "r x 2").ok(1, "r x 1").history();
    CheckResult r = seq.check(h2, CheckContext.defaults());
    assertThat(types(r)).contains("cyclic-versions");
  }
}
