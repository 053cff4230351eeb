package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Runs the Elle checkers in tests and reads their results. */
final class ElleAssertions {
  private ElleAssertions() {}

  static CheckResult listAppend(History h, String... models) {
    return run(new ElleChecker(ElleAnalyzer.LIST_APPEND, options(models)), h);
  }

  static CheckResult rwRegister(History h, String... models) {
    return run(new ElleChecker(ElleAnalyzer.RW_REGISTER, options(models)), h);
  }

  static ElleOptions options(String... models) {
    ElleOptions o = ElleOptions.defaults();
    return models.length == 0 ? o : o.withConsistencyModels(List.of(models));
  }

  static CheckResult run(Checker c, History h) {
    return c.check(h, CheckContext.defaults());
  }

  /** The result's anomaly-types (those that count under its models, plus unknown markers). */
  @SuppressWarnings("unchecked")
  static Set<String> types(CheckResult r) {
    return new TreeSet<>((List<String>) r.details().get("anomaly-types"));
  }

  /** The result is invalid with exactly these anomaly types; on failure, shows its explanation. */
  static void assertExactly(CheckResult r, String... types) {
    assertThat(types(r)).as(r.summary() + "\n" + String.join("\n", r.explanation())).containsExactlyInAnyOrder(types);
    assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
  }

  /** The result is valid with no anomaly types; on failure, shows its explanation. */
  static void assertValid(CheckResult r) {
    assertThat(types(r)).as(r.summary() + "\n" + String.join("\n", r.explanation())).isEmpty();
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
  }

  @SuppressWarnings("unchecked")
  static List<String> not(CheckResult r) {
    return (List<String>) r.details().get("not");
  }

  @SuppressWarnings("unchecked")
  static List<String> alsoNot(CheckResult r) {
    return (List<String>) r.details().get("also-not");
  }

  /** The result is unknown with exactly these anomaly types; on failure, shows its explanation. */
  static void assertUnknown(CheckResult r, String... types) {
    assertThat(types(r)).as(r.summary() + "\n" + String.join("\n", r.explanation())).containsExactlyInAnyOrder(types);
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
  }

  /** Two results alike in all a user sees: verdict, summary, explanation, anomalies, details but for elapsed time. */
  static void assertSameResult(CheckResult actual, CheckResult expected) {
    assertThat(actual.verdict()).isEqualTo(expected.verdict());
    assertThat(actual.summary()).isEqualTo(expected.summary());
    assertThat(actual.explanation()).isEqualTo(expected.explanation());
    assertThat(actual.anomalies()).isEqualTo(expected.anomalies());
    assertThat(withoutTimes(actual.details())).isEqualTo(withoutTimes(expected.details()));
  }

  private static Map<String, Object> withoutTimes(Map<String, Object> details) {
    Map<String, Object> d = new LinkedHashMap<>(details);
    if (d.get("stats") instanceof Map<?, ?> stats) {
      Map<Object, Object> s = new LinkedHashMap<>(stats);
      s.keySet().remove("elapsed-ms");
      d.put("stats", s);
    }
    return d;
  }
}
