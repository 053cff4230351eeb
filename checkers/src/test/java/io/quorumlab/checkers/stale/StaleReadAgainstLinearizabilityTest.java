package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.gen.RegisterHistories;
import io.quorumlab.checkers.gen.RegisterHistories.Generated;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.registry.CheckerRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stale-read checker against the linearizability checker on generated register histories: a
 * stale read is a proof of non-linearizability, so stale-read may only report one in a history the
 * linearizability checker finds invalid; and it must find the textbook stale reads the generator
 * injects.
 */
class StaleReadAgainstLinearizabilityTest {
  private static final int HISTORIES = 1200;
  private static final CheckContext CONTEXT = CheckContext.defaults().withTimeBudget(Duration.ofSeconds(10));

  @ParameterizedTest(name = "cas {0}")
  @ValueSource(booleans = {false, true})
  void everyStaleReadIsANonLinearizableHistory(boolean cas) {
    Checker stale = new StaleReadChecker();
    Checker linear = CheckerRegistry.linearizable(cas ? "cas-register" : "register");
    Tally t = new Tally();
    for (long seed = 0; seed < HISTORIES; seed++) {
      Generated g = RegisterHistories.generate(seed, cas);
      CheckResult s = stale.check(g.history(), CONTEXT);
      CheckResult l = linear.check(g.history(), CONTEXT);
      long seedNow = seed;
      Supplier<String> why = () -> "seed " + seedNow + " " + g.shape() + (g.linearizable() ? ", linearizable by construction" : "")
          + ", injected stale reads at " + g.staleReads() + "\nstale-read: " + s.summary() + "\n" + String.join("\n", s.explanation())
          + "\nlinearizable: " + l.summary() + "\n" + Histories.toString(g.history(), HistoryFormat.EDN);
      if (g.linearizable()) assertThat(l.verdict()).as(why).isEqualTo(Verdict.VALID);
      if (s.verdict() == Verdict.INVALID) assertThat(l.verdict()).as(why).isEqualTo(Verdict.INVALID);
      if (l.verdict() == Verdict.VALID) assertThat(s.verdict()).as(why).isNotEqualTo(Verdict.INVALID);
      if (!g.staleReads().isEmpty()) assertThat(s.verdict()).as(why).isEqualTo(Verdict.INVALID);
      t.count(g, s, l);
    }
    // the generator exercises what it should: each kind of history turns up often
    assertThat(t.linearizable).as(t.toString()).isGreaterThan(HISTORIES / 4);
    assertThat(t.staleInvalid).as(t.toString()).isGreaterThan(HISTORIES / 20);
    assertThat(t.invalidWithoutStaleReads).as(t.toString()).isGreaterThan(HISTORIES / 20);
    assertThat(t.lateEffects).as(t.toString()).isGreaterThan(HISTORIES / 20);
    assertThat(t.lateEffectsReported).as(t.toString()).isGreaterThan(HISTORIES / 20);
    assertThat(t.linearUnknown).as(t.toString()).isLessThan(HISTORIES / 100);
  }

  private static final class Tally {
    int linearizable;
    int staleInvalid;
    int invalidWithoutStaleReads;
    int lateEffects;
    int linearUnknown;
    int lateEffectsReported;

    void count(Generated g, CheckResult s, CheckResult l) {
      if (g.linearizable()) linearizable++;
      if (s.verdict() == Verdict.INVALID) staleInvalid++;
      if (l.verdict() == Verdict.INVALID && s.verdict() != Verdict.INVALID) invalidWithoutStaleReads++;
      if (l.verdict() == Verdict.UNKNOWN) linearUnknown++;
      if (g.lateEffects() > 0) lateEffects++;
      if (s.details().get("late-effects") instanceof Long n && n > 0) lateEffectsReported++;
    }

    @Override
    public String toString() {
      return Map.of("linearizable", linearizable, "stale-invalid", staleInvalid, "invalid-without-stale-reads", invalidWithoutStaleReads,
          "late-effects", lateEffects, "late-effects-reported", lateEffectsReported, "linear-unknown", linearUnknown).toString();
    }
  }
}
