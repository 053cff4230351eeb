package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cas that did not fail wrote its new value; a value written twice has two writers. */
class CasAndRepeatedValuesTest {
  private static CheckResult check(History h) {
    return new StaleReadChecker().check(h, CheckContext.defaults());
  }

  @Test
  void aReadOfTheValueACasWroteIsNotStale() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 0L, 0L)
        .done(1, "write", "x", 1L, 1L)
        .done(2, "cas", "x", java.util.List.of(1L, 0L), java.util.List.of(1L, 0L))
        .done(3, "read", "x", null, 0L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aCasIsANewerWriteToo() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .done(2, "cas", "x", java.util.List.of(1L, 2L), java.util.List.of(1L, 2L))
        .done(3, "read", "x", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation().get(1)).contains("returned 1, but cas [1 2], which began after write 1 had been acknowledged (op 1), "
        + "had been acknowledged");
  }

  @Test
  void aFailedCasWroteNothing() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(2, "cas", "x", java.util.List.of(0L, 2L)).fail(2, "cas", "x", java.util.List.of(0L, 2L))
        .done(3, "read", "x", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aCasThatMatchedAValueSawItsWrite() {
    // write 2 timed out, but a cas matched 2, so a later read of 1 missed it
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(1, "write", "x", 2L).info(1, "write", "x", 2L)
        .done(2, "cas", "x", java.util.List.of(2L, 3L), java.util.List.of(2L, 3L))
        .done(3, "read", "x", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.details()).containsEntry("max-staleness-versions", 2L);
    assertThat(r.explanation().get(1)).contains("returned 1, but write 2 (not acknowledged)", "had already been matched by the cas of process 2");
  }

  @Test
  void aValueWrittenAgainIsNotStale() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .done(1, "write", "x", 2L, 2L)
        .done(1, "write", "x", 1L, 1L)
        .done(3, "read", "x", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aValueWhoseWritersAllPrecedeANewerWriteIsStale() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .done(2, "write", "x", 1L, 1L)     // acked at op 3
        .done(1, "write", "x", 2L, 2L)
        .done(3, "read", "x", null, 1L)
        .build();
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.explanation().get(1)).contains("which began after every writer of 1 (the last, write 1) had been acknowledged (op 3)");
  }

  @Test
  void aValueWithAnIndeterminateWriterIsNotStale() {
    History h = new OpsBuilder()
        .done(1, "write", "x", 1L, 1L)
        .invoke(2, "write", "x", 1L).info(2, "write", "x", 1L)
        .done(1, "write", "x", 2L, 2L)
        .done(3, "read", "x", null, 1L)
        .build();
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aHistoryWithoutTimesMeasuresInVersionsOnly() {
    History h = Histories.parse("""
        {:index 0, :type :invoke, :f :write, :value 1, :process 0}
        {:index 1, :type :ok, :f :write, :value 1, :process 0}
        {:index 2, :type :invoke, :f :write, :value 2, :process 0}
        {:index 3, :type :ok, :f :write, :value 2, :process 0}
        {:index 4, :type :invoke, :f :read, :value nil, :process 1}
        {:index 5, :type :ok, :f :read, :value 1, :process 1}
        """, io.quorumlab.checkers.history.HistoryFormat.EDN);
    CheckResult r = check(h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.summary()).isEqualTo("1 stale read of 1, up to 1 version behind (the history has no :time, so how long they were stale is unknown)");
    assertThat(r.details()).doesNotContainKey("max-staleness-ms");
    assertThat(r.explanation().get(1)).startsWith("  the read by process 1 (op 4) returned 1, but write 2").contains("(op 3), before the read began");
  }

  /** Stale reads prove non-linearizability: none in the corpus's linearizable histories (etcd_002 had 9). */
  @Test
  void findsNoStaleReadsInTheLinearizableEtcdHistories() throws IOException {
    int linearizable = 0;
    for (Map.Entry<String, Boolean> e : Corpora.etcdExpected().entrySet()) {
      if (!e.getValue()) continue;
      linearizable++;
      CheckResult r = check(Histories.read(Corpora.dir().resolve("jepsen-etcd").resolve(e.getKey())));
      assertThat(r.verdict()).as(e.getKey() + ": " + r.summary()).isEqualTo(Verdict.VALID);
    }
    assertThat(linearizable).isEqualTo(10);
  }
}
