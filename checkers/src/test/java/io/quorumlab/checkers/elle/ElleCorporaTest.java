package io.quorumlab.checkers.elle;

import static io.quorumlab.checkers.elle.ElleAssertions.not;
import static io.quorumlab.checkers.elle.ElleAssertions.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Corpora;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts that Elle's own test suite asserts for the histories in corpora/elle. */
class ElleCorporaTest {

  private static History corpus(String name) {
    return Histories.read(Corpora.dir().resolve("elle").resolve(name));
  }

  @Test
  void snapshotIsolationWithoutGSingleIsExactlyG2Item() {
    CheckResult r = ElleAssertions.listAppend(corpus("si-without-g-single.edn"), "snapshot-isolation", "repeatable-read");
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(types(r)).containsExactly("G2-item");
    assertThat(not(r)).containsExactly("repeatable-read");
    assertThat(r.anomalies()).containsOnlyKeys("G2-item");
  }

  @Test
  void hugeSccIsNotStrongSnapshotIsolation() {
    long start = System.nanoTime();
    CheckResult r = ElleAssertions.listAppend(corpus("huge-scc.edn"));
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(not(r)).containsExactly("strong-snapshot-isolation");
    // Elle's search runs out of time looking for G-single-item-realtime (its timeout names that
    // type) and falls back to a G2-item-realtime cycle; finding the former, which implies the
    // latter, says the same and more
    assertThat(types(r)).contains("G-single-item-realtime");
    assertThat(ms).as("checked in seconds").isLessThan(30_000);
  }

  @Test
  void hugeSccWithNoSearchBudgetStillProvesTheWeakestAnomaly() {
    ElleChecker c = new ElleChecker(ElleAnalyzer.LIST_APPEND, ElleOptions.defaults().withCycleSearchBudget(Duration.ZERO));
    CheckResult r = c.check(corpus("huge-scc.edn"), CheckContext.defaults());
    assertThat(types(r)).contains("cycle-search-timeout");
    // the fallback: a cycle of the weakest edge types present, and the cycle-exists proofs
    assertThat(types(r)).anySatisfy(t -> assertThat(t).endsWith("-realtime"));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(not(r)).isNotEmpty();
    @SuppressWarnings("unchecked")
    var timeout = ((java.util.Map<String, List<java.util.Map<String, Object>>>) r.details().get("anomalies")).get("cycle-search-timeout").get(0);
    assertThat(timeout).containsKeys("anomaly-spec-type", "does-not-contain", "scc-size");
    assertThat(r.explanation()).anyMatch(l -> l.contains("ran out of budget"));
  }
}
