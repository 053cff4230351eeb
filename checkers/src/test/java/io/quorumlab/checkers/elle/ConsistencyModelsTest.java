package io.quorumlab.checkers.elle;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.elle.model.ConsistencyModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lattice: which anomalies each model proscribes, which models anomalies rule out. */
class ConsistencyModelsTest {

  @Test
  void serializableProscribesDataCyclesButNotRealtimeOnes() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("serializable"));
    assertThat(p).contains("G0", "G1a", "G1b", "G1c", "G-single", "G-nonadjacent", "G2-item", "lost-update", "internal");
    assertThat(p).doesNotContain("G2-item-realtime", "G-single-process", "G0-realtime");
  }

  @Test
  void strictSerializableProscribesEverythingCyclic() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("strict-serializable"));
    assertThat(p).contains("G0-realtime", "G1c-realtime", "G-single-realtime", "G2-item-realtime", "G-nonadjacent-process",
        "G2-item-process", "PL-SS-cycle-exists", "strong-snapshot-isolation-cycle-exists");
  }

  @Test
  void snapshotIsolationAllowsWriteSkewButNotReadSkewOrLostUpdates() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("snapshot-isolation"));
    assertThat(p).contains("G-single", "G-nonadjacent", "lost-update", "G1c", "G0");
    assertThat(p).doesNotContain("G2-item", "G2");
  }

  @Test
  void readCommittedAllowsReadSkew() {
    var p = ConsistencyModels.anomaliesProhibitedBy(List.of("read-committed"));
    assertThat(p).contains("G0", "G1a", "G1b", "G1c");
    assertThat(p).doesNotContain("G-single", "G2-item", "lost-update");
  }

  @Test
  void boundaries() {
    assertThat(ConsistencyModels.boundary(List.of("G2-item")).not()).containsExactly("repeatable-read");
    assertThat(ConsistencyModels.boundary(List.of("G2-item")).alsoNot()).contains("serializable", "strict-serializable")
        .doesNotContain("snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G-single")).not()).containsExactlyInAnyOrder("consistent-view");
    assertThat(ConsistencyModels.boundary(List.of("G-single")).alsoNot()).contains("snapshot-isolation", "serializable");
    assertThat(ConsistencyModels.boundary(List.of("G1c")).not()).containsExactly("read-committed");
    assertThat(ConsistencyModels.boundary(List.of("G0")).not()).containsExactly("read-uncommitted");
    assertThat(ConsistencyModels.boundary(List.of("G2-item-realtime")).not()).containsExactly("strict-serializable");
    assertThat(ConsistencyModels.boundary(List.of("G-single-realtime")).not()).containsExactly("strong-snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of("G-single-process")).not()).containsExactly("strong-session-snapshot-isolation");
    assertThat(ConsistencyModels.boundary(List.of()).not()).isEmpty();
  }

  @Test
  void namesCanonicalizeBothWays() {
    assertThat(ConsistencyModels.canonical("serializable")).isEqualTo("PL-3");
    assertThat(ConsistencyModels.friendly("PL-3")).isEqualTo("serializable");
    assertThat(ConsistencyModels.friendly("PL-SS")).isEqualTo("strict-serializable");
    assertThat(ConsistencyModels.weakest(List.of("strict-serializable", "serializable", "read-committed")))
        .containsExactly("PL-2");
  }
}
