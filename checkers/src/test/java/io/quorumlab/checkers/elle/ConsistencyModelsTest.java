package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.model.ConsistencyModels;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The lattice: which anomalies each model proscribes, which models anomalies rule out. The expected
 * sets are those of Elle's consistency_model_test, and what elle.consistency-model computes for the
 * item anomalies.
 */
class ConsistencyModelsTest {

  private static Set<String> friendly(Set<String> canonical) {
    Set<String> s = new TreeSet<>();
    for (String m : canonical) s.add(ConsistencyModels.friendly(m));
    return s;
  }

  @Test
  void serializableProscribesDataCyclesButNotRealtimeOnes() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("serializable"));
    assertThat(p).contains("G0", "G1a", "G1b", "G1c", "G-single", "G-single-item", "G-nonadjacent", "G-nonadjacent-item",
        "G2-item", "lost-update", "internal");
    assertThat(p).doesNotContain("G2-item-realtime", "G-single-item-process", "G0-realtime");
  }

  @Test
  void strictSerializableProscribesEverythingCyclic() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("strict-serializable"));
    assertThat(p).contains("G0-realtime", "G1c-realtime", "G-single-item-realtime", "G2-item-realtime",
        "G-nonadjacent-item-process", "G2-item-process", "PL-SS-cycle-exists", "strong-snapshot-isolation-cycle-exists");
  }

  @Test
  void snapshotIsolationAllowsWriteSkewButNotReadSkewOrLostUpdates() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("snapshot-isolation"));
    assertThat(p).contains("G-single", "G-single-item", "G-nonadjacent", "G-nonadjacent-item", "lost-update", "G1c", "G0");
    assertThat(p).doesNotContain("G2-item", "G2");
  }

  @Test
  void readCommittedIsExactlyElles() {
    // Elle's anomalies-prohibited-by-test, plus garbage-read, which quorumlab adds to read uncommitted
    assertThat(ConsistencyModels.anomaliesProhibitedBy(List.of("read-committed"))).containsExactlyInAnyOrder(
        "dirty-update", "G1a", "G1b", "G1c", "G1", "G0", "PL-1-cycle-exists", "PL-2-cycle-exists", "cyclic-versions",
        "duplicate-elements", "incompatible-order", "future-read", "garbage-read");
  }

  @Test
  void repeatableReadProscribesTheItemCyclesButNotTheirOrderVariants() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("repeatable-read"));
    assertThat(p).contains("G-single-item", "G-nonadjacent-item", "G2-item", "lost-update", "PL-2.99-cycle-exists");
    assertThat(p).doesNotContain("G-single", "G-nonadjacent", "G2", "G-single-item-process", "G-single-item-realtime",
        "G-nonadjacent-item-process", "G-nonadjacent-item-realtime");
  }

  @Test
  void itemAnomaliesImplyTheirPlainForms() {
    assertThat(AnomalyTypes.allImplied(List.of("G-single-item"))).contains("G-single", "G-nonadjacent-item", "G-nonadjacent",
        "G2-item", "G2", "GSIb", "G-single-item-process", "G-single-item-realtime", "G2-item-realtime");
    assertThat(AnomalyTypes.allImplied(List.of("G-nonadjacent-item"))).contains("G-nonadjacent", "G2-item", "G2")
        .doesNotContain("G-single", "G-single-item");
    assertThat(AnomalyTypes.allImplied(List.of("G-single-item-realtime"))).containsExactlyInAnyOrder("G-single-item-realtime",
        "G-single-realtime", "G-nonadjacent-item-realtime", "G-nonadjacent-realtime", "G2-item-realtime", "G2-realtime");
    assertThat(AnomalyTypes.allImplied(List.of("G-single"))).doesNotContain("G-single-item", "G2-item");
  }

  @Test
  void boundaries() {
    assertThat(ConsistencyModels.boundary(List.of("G2-item")).not()).containsExactly("repeatable-read");
    assertThat(ConsistencyModels.boundary(List.of("G2-item")).alsoNot()).contains("serializable", "strong-serializable")
        .doesNotContain("snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G1c")).not()).containsExactly("read-committed");
    assertThat(ConsistencyModels.boundary(List.of("G0")).not()).containsExactly("read-uncommitted");
    assertThat(ConsistencyModels.boundary(List.of("G2-item-realtime")).not()).containsExactly("strong-serializable");
    assertThat(ConsistencyModels.boundary(List.of("G-single-item")).not()).containsExactly("consistent-view", "repeatable-read");
    assertThat(ConsistencyModels.boundary(List.of("G-nonadjacent-item")).not()).containsExactly("repeatable-read", "snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G-single-item-process")).not()).containsExactly("strong-session-snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G-nonadjacent-item-realtime")).not()).containsExactly("strong-snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of()).not()).isEmpty();
  }

  @Test
  void ellesFriendlyBoundaries() {
    var gSingle = ConsistencyModels.boundary(List.of("G-single"));
    assertThat(gSingle.not()).containsExactly("consistent-view");
    assertThat(gSingle.alsoNot()).containsExactlyInAnyOrder("snapshot-isolation", "serializable", "strong-serializable",
        "strong-session-snapshot-isolation", "strong-snapshot-isolation", "strong-session-serializable",
        "forward-consistent-view", "update-serializable");
    var realtime = ConsistencyModels.boundary(List.of("G-single-realtime"));
    assertThat(realtime.not()).containsExactly("strong-snapshot-isolation");
    assertThat(realtime.alsoNot()).containsExactly("strong-serializable");
    assertThat(ConsistencyModels.boundary(List.of("lost-update")).not()).containsExactlyInAnyOrder("update-atomic", "cursor-stability");
    var internal = ConsistencyModels.boundary(List.of("internal"));
    assertThat(internal.not()).containsExactly("read-atomic");
    assertThat(internal.alsoNot()).containsExactlyInAnyOrder("causal-cerone", "parallel-snapshot-isolation", "prefix",
        "update-atomic", "serializable", "snapshot-isolation", "strong-serializable", "strong-session-serializable",
        "strong-session-snapshot-isolation", "strong-snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G2", "internal"))).isEqualTo(internal);
    var g1a = ConsistencyModels.boundary(List.of("G1a"));
    assertThat(g1a.not()).containsExactly("read-committed");
    assertThat(g1a.alsoNot()).containsExactlyInAnyOrder("read-atomic", "update-atomic", "causal-cerone", "consistent-view",
        "cursor-stability", "forward-consistent-view", "monotonic-atomic-view", "monotonic-snapshot-read", "monotonic-view",
        "parallel-snapshot-isolation", "prefix", "repeatable-read", "serializable", "snapshot-isolation",
        "strong-read-committed", "strong-snapshot-isolation", "strong-serializable", "strong-session-read-committed",
        "strong-session-serializable", "strong-session-snapshot-isolation", "update-serializable");
  }

  @Test
  void ellesImpossibleModels() {
    assertThat(friendly(ConsistencyModels.impossibleModels(List.of("G-SI")))).containsExactlyInAnyOrder("snapshot-isolation",
        "serializable", "strong-serializable", "strong-session-serializable", "strong-session-snapshot-isolation",
        "strong-snapshot-isolation");
    assertThat(friendly(ConsistencyModels.impossibleModels(List.of("dirty-update")))).containsExactlyInAnyOrder("read-committed",
        "monotonic-atomic-view", "snapshot-isolation", "repeatable-read", "update-atomic", "serializable", "strong-serializable",
        "update-serializable", "cursor-stability", "forward-consistent-view", "consistent-view", "monotonic-view",
        "monotonic-snapshot-read", "causal-cerone", "parallel-snapshot-isolation", "prefix", "read-atomic",
        "strong-session-read-committed", "strong-session-serializable", "strong-session-snapshot-isolation",
        "strong-read-committed", "strong-snapshot-isolation");
    assertThat(ConsistencyModels.allImpossible(List.of("strong-session-serializable")))
        .containsExactlyInAnyOrder("strong-session-serializable", "PL-SS");
  }

  @Test
  void ellesWeakestModels() {
    assertThat(friendly(ConsistencyModels.weakest(List.of("serializable", "strict-serializable")))).containsExactly("serializable");
    assertThat(friendly(ConsistencyModels.weakest(List.of("repeatable-read", "read-committed", "sequential", "read-your-writes"))))
        .containsExactlyInAnyOrder("read-your-writes", "read-committed");
    assertThat(friendly(ConsistencyModels.weakest(List.of("serializable", "read-atomic")))).containsExactly("read-atomic");
  }

  @Test
  void everyAnomalyElleKnows() {
    // Elle's all-anomalies-test, plus quorumlab's garbage-read
    assertThat(ConsistencyModels.allAnomalies()).containsExactlyInAnyOrder("G-MSR", "G-SI", "G-SIb", "G-cursor",
        "G-monotonic", "G-single-item", "G-update", "G0", "G1b", "GSIa", "PL-1-cycle-exists", "PL-2-cycle-exists",
        "PL-2.99-cycle-exists", "PL-3-cycle-exists", "PL-SI-cycle-exists", "PL-SS-cycle-exists", "cyclic-versions",
        "dirty-update", "duplicate-elements", "future-read", "incompatible-order", "internal", "lost-update",
        "predicate-read-miss", "strong-PL-1-cycle-exists", "strong-PL-2-cycle-exists", "strong-session-PL-1-cycle-exists",
        "strong-session-PL-2-cycle-exists", "strong-session-serializable-cycle-exists",
        "strong-session-snapshot-isolation-cycle-exists", "strong-snapshot-isolation-cycle-exists", "G-nonadjacent-item",
        "G-single-item-process", "G1a", "G1c", "write-skew", "G-nonadjacent-item-process", "G-single",
        "G-single-item-realtime", "G1", "G2-item", "G-nonadjacent", "G-nonadjacent-item-realtime", "GSIb", "G2", "GSI",
        "G0-process", "G1c-process", "G-single-process", "G1-process", "G2-item-process", "G-nonadjacent-process",
        "G2-process", "G0-realtime", "G1c-realtime", "G-single-realtime", "G1-realtime", "G2-item-realtime",
        "G-nonadjacent-realtime", "G2-realtime", "garbage-read");
  }

  @Test
  void everyModelElleKnows() {
    // Elle's all-models: the lattice's vertices and both sides of the canonical names
    assertThat(ConsistencyModels.all()).containsExactlyInAnyOrder("1SR", "PL-1", "PL-2", "PL-2+", "PL-2.99", "PL-2L", "PL-3",
        "PL-3U", "PL-CS", "PL-FCV", "PL-MSR", "PL-SI", "PL-SS", "PRAM", "causal", "causal-cerone", "conflict-serializable",
        "consistent-view", "cursor-stability", "forward-consistent-view", "linearizable", "monotonic-atomic-view",
        "monotonic-reads", "monotonic-snapshot-read", "monotonic-view", "monotonic-writes", "parallel-snapshot-isolation",
        "prefix", "read-atomic", "read-committed", "read-uncommitted", "read-your-writes", "repeatable-read", "sequential",
        "serializable", "session-serializable", "snapshot-isolation", "strict-serializable", "strong-PL-1", "strong-PL-2",
        "strong-read-committed", "strong-read-uncommitted", "strong-serializable", "strong-session-PL-1",
        "strong-session-PL-2", "strong-session-read-committed", "strong-session-read-uncommitted",
        "strong-session-serializable", "strong-session-snapshot-isolation", "strong-snapshot-isolation", "update-atomic",
        "update-serializable", "view-serializable", "writes-follow-reads");
  }

  @Test
  void namesCanonicalizeBothWays() {
    assertThat(ConsistencyModels.canonical("serializable")).isEqualTo("PL-3");
    assertThat(ConsistencyModels.canonical("strict-serializable")).isEqualTo("PL-SS");
    assertThat(ConsistencyModels.friendly("PL-3")).isEqualTo("serializable");
    // Elle inverts its alias map; for PL-SS its suite reports strong-serializable
    assertThat(ConsistencyModels.friendly("PL-SS")).isEqualTo("strong-serializable");
    assertThat(ConsistencyModels.weakest(List.of("strict-serializable", "serializable", "read-committed"))).containsExactly("PL-2");
  }

  @Test
  void unknownModelsAndAnomaliesAreRefused() {
    assertThatThrownBy(() -> ConsistencyModels.anomaliesProhibitedBy(List.of("stricct-snappshot-isolation")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown consistency model");
    assertThatThrownBy(() -> ElleOptions.defaults().withAnomalies(List.of("G-singel")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown anomaly G-singel");
  }
}
