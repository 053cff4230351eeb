package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSpecTest {

  @Test
  void specJsonRoundTripsEverySetting() {
    RunSpec spec = RunSpec.defaults(99).withBackend("docker", 7)
        .withStore(new StoreSettings(5, 3, 2, Quorum.STRICT, ReadRepair.BLOCKING, ConflictMode.ABD, FsyncPolicy.PERIODIC, 50,
            "memory", 64, 750, 200, 2, 5.5, 0))
        .withLoad(new LoadSpec("set", 12.5, 0, 7, 2)).withNemesis(NemesisPlan.of("partition:isolate,kill", 3));
    assertThat(RunSpec.fromMap(spec.toMap())).isEqualTo(spec);
    assertThat(spec.toMap()).containsEntry("read-repair", "blocking").containsEntry("nemesis", "partition:isolate,kill")
        .containsEntry("phi-threshold", 5.5).containsEntry("seed", 99L);
  }

  /** spec.json exactly as the version before the nested spec wrote it (numbers as Jackson reads them back). */
  @Test
  void aSpecWrittenByThePreviousVersionIsReadWithTheDefaultsItRanWith() {
    Map<String, Object> old = new LinkedHashMap<>();
    old.put("workload", "list-append");
    old.put("backend", "local");
    old.put("nodes", 3);
    old.put("n", 3);
    old.put("w", 2);
    old.put("r", 2);
    old.put("quorum", "sloppy");
    old.put("read-repair", "async");
    old.put("conflicts", "siblings");
    old.put("fsync", "never");
    old.put("nemesis", "partition");
    old.put("nemesis-interval", 1.5);
    old.put("time-limit", 6.0);
    old.put("rate", 150.0);
    old.put("concurrency", 8);
    old.put("seed", 7);
    old.put("quiesce", 1.0);
    old.put("request-timeout-ms", 1000);
    RunSpec s = RunSpec.fromMap(old);
    assertThat(s.workload()).isEqualTo("list-append");
    assertThat(s.store().describe()).isEqualTo("N=3 W=2 R=2 siblings sloppy rr=async fsync=never");
    assertThat(s.store().vnodes()).as("not recorded then: the store's default, which it ran with").isEqualTo(256);
    assertThat(s.load()).isEqualTo(new LoadSpec("list-append", 6, 150, 8, 1));
    assertThat(s.nemesis().intervalSeconds()).isEqualTo(1.5);
    assertThat(s.seed()).isEqualTo(7);
    // and written back, every key it had keeps its value
    assertThat(s.toMap()).containsAllEntriesOf(Map.of("w", 2, "fsync", "never", "nemesis", "partition", "concurrency", 8));
  }

  @Test
  void eachPartRefusesWhatItCannotBeAndTheSpecWhatTheClusterCannotHold() {
    assertThatThrownBy(() -> RunSpec.DEFAULT_STORE.withQuorums(3, 4, 1)).isInstanceOf(SpecException.class)
        .hasMessage("W=4 needs 1 <= W <= N (3)");
    assertThatThrownBy(() -> new LoadSpec("register", 10, -1, 5, 0)).isInstanceOf(SpecException.class).hasMessageStartingWith("--rate must be 0");
    assertThatThrownBy(() -> NemesisPlan.of("partition", 0)).hasMessageStartingWith("--nemesis-interval must be between 0.1 and 86400 seconds, not 0");
    assertThatThrownBy(() -> NemesisPlan.of("flood", 1)).hasMessageContaining("unknown fault 'flood'");
    assertThatThrownBy(() -> RunSpec.defaults(1).withBackend("local", 2)).isInstanceOf(SpecException.class)
        .hasMessage("N=3 needs 1 <= N <= nodes (2)");
    Map<String, Object> bad = new LinkedHashMap<>(RunSpec.defaults(1).toMap());
    bad.put("vnodes", "many");
    assertThatThrownBy(() -> RunSpec.fromMap(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'vnodes'");
  }

  @Test
  void theRunsDefaultsAreTheStoresWithW1R1AndLastWriterWins() {
    assertThat(RunSpec.DEFAULT_STORE).isEqualTo(StoreSettings.STORE_DEFAULTS.withQuorums(3, 1, 1)
        .withModes(Quorum.SLOPPY, ReadRepair.ASYNC, ConflictMode.LWW, FsyncPolicy.ALWAYS));
    assertThat(StoreSettings.STORE_DEFAULTS.label()).isEqualTo("N=3 W=2 R=2 siblings sloppy");
  }
}
