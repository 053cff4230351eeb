package io.quorumlab.checkers.stale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.HistoryParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the checker cannot judge: unknown when there is nothing to judge, refused when it is not a register. */
class NothingToJudgeTest {
  private static CheckResult check(History h) {
    return new StaleReadChecker().check(h, CheckContext.defaults());
  }

  @Test
  void anEmptyHistoryIsUnknown() {
    CheckResult r = check(new History(List.of()));
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to judge: the history has no completed reads");
  }

  @Test
  void writesWithoutReadsAreUnknown() {
    CheckResult r = check(new OpsBuilder().done(1, "write", "x", 1L, 1L).invoke(2, "read", "x", null).info(2, "read", "x", null).build());
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).contains("no completed reads");
  }

  @Test
  void readsOfValuesNoOneWroteAreUnknown() {
    CheckResult r = check(new OpsBuilder().done(1, "write", "x", 1L, 1L).done(2, "read", "x", null, 7L).build());
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to judge: none of the 1 reads returned a value that a write or the initial value accounts for");
    assertThat(r.explanation()).containsExactly("1 read returned a value that no write wrote; the linearizability checker judges those");
  }

  @Test
  void readsWithoutAnyKnownWriteAreUnknown() {
    CheckResult r = check(new OpsBuilder()
        .invoke(1, "write", "x", 1L).fail(1, "write", "x", 1L)
        .done(2, "read", "x", null, null)
        .build());
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.summary()).isEqualTo("nothing to judge: no write was acknowledged or seen by a read, so no read could have missed one");
  }

  @Test
  void refusesOpsThatAreNotRegisterOps() {
    History h = Histories.parse("""
        {:index 0, :type :invoke, :f :write, :value 1, :process 0}
        {:index 1, :type :ok, :f :write, :value 1, :process 0}
        {:index 2, :type :invoke, :f :txn, :value [[:append 1 2]], :process 1}
        """, HistoryFormat.EDN);
    assertThatThrownBy(() -> check(h)).isInstanceOf(HistoryParseException.class)
        .hasMessage("line 3: stale-read judges registers (f read, write, cas), not f 'txn' (op 2, process 1)");
  }

  @Test
  void refusesACasWithoutOldAndNew() {
    History h = new OpsBuilder().invoke(1, "cas", "x", 3L).build();
    assertThatThrownBy(() -> check(h)).isInstanceOf(HistoryParseException.class)
        .hasMessage("a cas's value is [old new], not 3 (op 0, process 1)");
  }

  @Test
  void ignoresTheNemesis() {
    History h = Histories.parse("""
        {:index 0, :type :info, :f :start-partition, :value nil, :process :nemesis}
        {:index 1, :type :invoke, :f :write, :value 1, :process 0}
        {:index 2, :type :ok, :f :write, :value 1, :process 0}
        {:index 3, :type :invoke, :f :read, :value nil, :process 1}
        {:index 4, :type :ok, :f :read, :value 1, :process 1}
        {:index 5, :type :info, :f :start-partition, :value "cut", :process :nemesis}
        """, HistoryFormat.EDN);
    assertThat(check(h).verdict()).isEqualTo(Verdict.VALID);
  }
}
