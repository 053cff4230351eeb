package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console summary's "why" lines agree with the run's configuration (issue 19). */
class RunSummaryTest {
  private static final Path DIR = Path.of("runs", "register", "20260101-000000");

  private static RunSpec abd(int w, int r) {
    RunSpec s = RunSpec.defaults(1).withBackend("local", 3).withQuorums(3, w, r);
    return s.withStore(s.store().withModes(Quorum.STRICT, ReadRepair.BLOCKING, ConflictMode.ABD, FsyncPolicy.ALWAYS));
  }

  private static String summary(RunSpec spec, Verdict verdict, String error) {
    CheckResult check = new CheckResult("linearizable", verdict, verdict.wireName(), List.of(), Map.of(), Map.of(), List.of());
    RunInfo info = new RunInfo(spec.workload(), spec.backend(), spec.toMap(), 0, List.of(), error);
    RunResults results = RunResults.of(DIR, info, new History(List.of()), List.of(check));
    StringWriter out = new StringWriter();
    RunSummary.print(new PrintWriter(out), new RunOutcome(DIR, results, List.of(check), results.exitCode()));
    return out.toString();
  }

  private static List<String> why(String summary) {
    return summary.lines().filter(l -> l.startsWith("why ")).toList();
  }

  @Test
  void abdWithoutOverlappingQuorumsIsNotSaidToPromiseLinearizability() {
    List<String> why = why(summary(abd(1, 1), Verdict.INVALID, null));

    assertThat(why).noneMatch(l -> l.contains("points at a bug")).noneMatch(l -> l.contains("should be linearizable"));
    assertThat(why).anyMatch(l -> l.contains("abd is linearizable only when every write quorum meets every read quorum")
        && l.contains("here W + R = 2 <= N = 3"));
    assertThat(why).anyMatch(l -> l.contains("W + R = 2 <= N = 3: a read quorum need not include"));
  }

  @Test
  void anomaliesUnderAbdWithEveryConditionMetPointAtABug() {
    List<String> why = why(summary(abd(2, 2), Verdict.INVALID, null));

    assertThat(why).singleElement().asString().contains("points at a bug");
  }

  @Test
  void aValidAbdRunWithoutOverlapIsNotCalledLinearizableByDesign() {
    List<String> why = why(summary(abd(1, 2), Verdict.VALID, null));

    assertThat(why).noneMatch(l -> l.contains("designed to be linearizable"));
    assertThat(why).anyMatch(l -> l.contains("does not make this configuration safe"));
    assertThat(why(summary(abd(2, 2), Verdict.VALID, null))).anyMatch(l -> l.contains("designed to be linearizable"));
  }

  @Test
  void theSetWorkloadUnderAbdIsExplainedByItsGetThenPutNotByABug() {
    List<String> why = why(summary(abd(2, 2).withWorkload("set"), Verdict.INVALID, null));

    assertThat(why).noneMatch(l -> l.contains("points at a bug"));
    assertThat(why).anyMatch(l -> l.contains("add is a get and then a put"));
  }

  @Test
  void theDefaultRunIsExplainedByItsQuorumsAndLastWriterWins() {
    List<String> why = why(summary(RunSpec.defaults(1), Verdict.INVALID, null));

    assertThat(why).hasSize(2);
    assertThat(why.get(0)).contains("W + R = 2 <= N = 3: a read quorum need not include");
    assertThat(why.get(1)).contains("lww keeps the write with the newest timestamp");
  }

  @Test
  void aValidRunIsNotToldToTryTheQuorumsItAlreadyHas() {
    List<String> why = why(summary(RunSpec.defaults(1), Verdict.VALID, null));

    assertThat(why).anyMatch(l -> l.contains("does not make this configuration safe")).noneMatch(l -> l.contains("W=1 R=1"));
    assertThat(why(summary(RunSpec.defaults(1).withQuorums(3, 2, 2), Verdict.VALID, null))).anyMatch(l -> l.contains("sloppy quorum"));
  }

  @Test
  void anIncompleteRunSaysItsFindingsAreNoVerdict() {
    String summary = summary(abd(2, 2), Verdict.INVALID, "interrupted");

    assertThat(summary).contains("verdict     UNKNOWN: interrupted (exit 2)");
    assertThat(why(summary)).singleElement().asString().contains("the run did not end normally").contains("no verdict");
  }
}
