package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.registry.CheckerRegistry;
import io.quorumlab.checkers.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result a person or a program reads: Elle's JSON, the text, the .dot files. */
class ElleReportTest {

  @Test
  void resultIsElleShapedJson(@TempDir Path out) throws Exception {
    CheckResult r = new ElleChecker(ElleAnalyzer.LIST_APPEND, ElleOptions.defaults().withConsistencyModels(List.of("serializable")))
        .check(new Txn().concurrent("r x nil; append y 1", "r y nil; append x 1").history(), CheckContext.defaults().withOutDir(out));
    JsonNode j = new ObjectMapper().valueToTree(r.details());
    assertThat(j.get("valid").asBoolean(true)).isFalse();
    assertThat(j.get("anomaly-types").toString()).isEqualTo("[\"G2-item\"]");
    assertThat(j.get("not").toString()).isEqualTo("[\"repeatable-read\"]");
    assertThat(j.get("also-not").toString()).contains("serializable");
    JsonNode cycle = j.get("anomalies").get("G2-item").get(0);
    assertThat(cycle.get("type").asText()).isEqualTo("G2-item");
    assertThat(cycle.get("cycle")).hasSize(3); // T1 T2 T1
    JsonNode step = cycle.get("steps").get(0);
    assertThat(step.get("type").asText()).isEqualTo("rw");
    assertThat(step.get("key").asText()).isIn("x", "y");
    assertThat(step.get("value").asText()).isEqualTo("init");
    assertThat(step.get("explanation").asText()).contains("(the initial state), which does not include");
    assertThat(r.anomalies()).containsEntry("G2-item", 1L);

    // one .dot per cycle under outDir; an .svg too when Graphviz is installed
    assertThat(r.artifacts()).anyMatch(p -> p.toString().endsWith("G2-item-1.dot"));
    Path dot = r.artifacts().get(0);
    assertThat(Files.readString(dot)).startsWith("digraph").contains("T1 -> T2").contains("rw");
    assertThat(r.explanation()).anyMatch(l -> l.contains("T1 = op ")).anyMatch(l -> l.startsWith("Not repeatable-read"));
  }

  @Test
  void validHistoryHasNoArtifactsAndAnEmptyBoundary(@TempDir Path out) {
    CheckResult r = new ElleChecker(ElleAnalyzer.LIST_APPEND).check(new Txn().ok(0, "append x 1").ok(1, "r x [1]").history(),
        CheckContext.defaults().withOutDir(out));
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.details()).containsEntry("valid", true).containsEntry("not", List.of());
    assertThat(r.artifacts()).isEmpty();
    assertThat(r.summary()).contains("valid under strict-serializable");
  }

  @Test
  void cyclesTheModelsAllowGetNoArtifacts(@TempDir Path out) {
    // read skew (G-single-item) is allowed by read committed: found, counted, but not plotted
    CheckResult r = new ElleChecker(ElleAnalyzer.LIST_APPEND, ElleOptions.defaults().withConsistencyModels(List.of("read-committed")))
        .check(new Txn().concurrent("append x 1; append y 1", "r x [1]; r y nil").history(), CheckContext.defaults().withOutDir(out));
    assertThat(r.verdict()).isEqualTo(Verdict.VALID);
    assertThat(r.details()).containsEntry("other-anomalies", java.util.Map.of("G-single-item", 1L));
    assertThat(r.artifacts()).isEmpty();
  }

  @Test
  void historyWithoutCommittedTransactionsIsUnknown() {
    CheckResult r = new ElleChecker(ElleAnalyzer.LIST_APPEND).check(new Txn().fail(0, "append x 1").history(), CheckContext.defaults());
    assertThat(r.verdict()).isEqualTo(Verdict.UNKNOWN);
    assertThat(r.details()).containsEntry("valid", "unknown");
    assertThat(ElleAssertions.types(r)).containsExactly("empty-transaction-graph");
  }

  @Test
  void registeredByName() {
    assertThat(CheckerRegistry.checker("list-append"))
        .isInstanceOfSatisfying(ElleChecker.class, c -> assertThat(c.analyzer()).isEqualTo(ElleAnalyzer.LIST_APPEND));
    assertThat(CheckerRegistry.checker("rw-register"))
        .isInstanceOfSatisfying(ElleChecker.class, c -> assertThat(c.analyzer()).isEqualTo(ElleAnalyzer.RW_REGISTER));
    ElleChecker si = ((ElleChecker) CheckerRegistry.checker("rw-register")).withConsistencyModels(List.of("snapshot-isolation"));
    assertThat(si.name()).isEqualTo("rw-register");
    assertThat(si.options().consistencyModels()).containsExactly("snapshot-isolation");
  }
}
