package io.quorumlab.checkers.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Histories of jepsen.independent: every value a [key value] tuple, checked key by key. */
class IndependentTuplesTest {
  private static List<Object> t(Object key, Object value) {
    return Arrays.asList(key, value);
  }

  /** Key 1: write 3, read 3. Key 2: write 5, cas 5→6, read {@code lastRead}. */
  private static History twoKeys(long lastRead) {
    return new HistoryBuilder()
        .invoke(0, "write", t(1L, 3L)).ok(0)
        .invoke(1, "write", t(2L, 5L)).ok(1)
        .invoke(0, "read", t(1L, null)).ok(0, t(1L, 3L))
        .invoke(1, "cas", t(2L, List.of(5L, 6L))).ok(1)
        .invoke(0, "read", t(2L, null)).ok(0, t(2L, lastRead))
        .build();
  }

  private static CheckResult check(LinearizabilityChecker c, History h) {
    return c.check(h, CheckContext.defaults());
  }

  @Test
  void eachKeyIsItsOwnRegister() {
    CheckResult r = check(new LinearizabilityChecker(), twoKeys(6L));
    assertThat(r.verdict()).as(r.summary() + r.explanation()).isEqualTo(Verdict.VALID);
    assertThat(r.summary()).isEqualTo("linearizable: 2 keys (independent [key value] tuples), 5 calls (cas-register model, initially nil)");
    assertThat(r.details()).containsEntry("keys", 2).containsEntry("independent", true);
  }

  @Test
  void aViolationIsReportedForItsKey() {
    CheckResult r = check(new LinearizabilityChecker(RegisterModel.casRegister()).withAllKeys(), twoKeys(5L));
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.summary()).startsWith("not linearizable: key 2 (1 of 2 keys not linearizable)");
    assertThat(String.join("\n", r.explanation())).contains("key 2 is not linearizable").contains("cannot be placed next: read returned 5")
        .contains("the state is 6, set by cas 5→6");
    assertThat(r.details()).containsEntry("failures", List.of(2L));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> perKey = (List<Map<String, Object>>) r.details().get("results");
    assertThat(perKey).extracting(m -> m.get("key"), m -> m.get("verdict")).containsExactly(
        org.assertj.core.groups.Tuple.tuple(1L, "valid"), org.assertj.core.groups.Tuple.tuple(2L, "invalid"));
  }

  @Test
  void eachKeyStartsAtTheGivenInitialValue() {
    History h = new HistoryBuilder()
        .invoke(0, "read", t(1L, null)).ok(0, t(1L, 0L))
        .invoke(0, "read", t(2L, null)).ok(0, t(2L, 0L))
        .invoke(1, "cas", t(2L, List.of(0L, 4L))).ok(1)
        .build();
    assertThat(check(new LinearizabilityChecker(RegisterModel.casRegister()), h).verdict()).isEqualTo(Verdict.INVALID);
    assertThat(check(new LinearizabilityChecker(RegisterModel.casRegister()).startingAt(0L), h).verdict()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aPlainRegisterOfPairsIsNotSplit() {
    // reads invoked with nil: values that are pairs, not tuples
    History h = new HistoryBuilder()
        .invoke(0, "write", List.of(1L, 3L)).ok(0)
        .invoke(1, "write", List.of(2L, 5L)).ok(1)
        .invoke(0, "read", null).ok(0, List.of(1L, 3L))
        .build();
    CheckResult r = check(new LinearizabilityChecker(), h);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(r.details()).containsEntry("keys", 1).containsEntry("independent", false);
  }

  @Test
  void aCompletionForAnotherKeyIsMalformed() {
    History h = new HistoryBuilder()
        .invoke(0, "write", t(1L, 3L)).ok(0)
        .invoke(0, "read", t(1L, null)).ok(0, t(2L, 3L))
        .build();
    assertThatThrownBy(() -> check(new LinearizabilityChecker(), h))
        .isInstanceOf(HistoryParseException.class)
        .hasMessageContaining("index 3").hasMessageContaining("key 2").hasMessageContaining("invoked for key 1");
  }

  @Test
  void theKvModelPointsToTheRegisterModels() {
    assertThatThrownBy(() -> check(new LinearizabilityChecker(new KvModel()), twoKeys(6L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model kv cannot check f 'write'")
        .hasMessageContaining("independent [key value] tuples");
  }
}
