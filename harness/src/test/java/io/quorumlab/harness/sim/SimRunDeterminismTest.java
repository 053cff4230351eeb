package io.quorumlab.harness.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LatencySpec;
import io.quorumlab.harness.run.LoadSpec;
import io.quorumlab.harness.run.NetworkSpec;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.store.config.ConflictMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run on the sim backend is a function of its spec and seed: run twice, the simulations do
 * the same events and the run directories hold the same history, results and node logs. Twenty
 * seeds, each a short run of every workload in turn under every fault, some over a lossy,
 * duplicating, reordering network.
 */
class SimRunDeterminismTest {
  @TempDir Path out;

  static RunSpec spec(long seed) {
    String[] workloads = {"register", "set", "list-append"};
    String workload = workloads[(int) (seed % 3)];
    RunSpec base = RunSpec.defaults(seed).withBackend(SimBackend.NAME, 5)
        .withLoad(new LoadSpec(workload, 3, 100, 10, 0.5))
        .withNemesis(NemesisPlan.of("partition,kill,pause,slow", 0.5));
    if (!workload.equals("register")) {
      var s = base.store();
      base = base.withStore(s.withModes(s.quorum(), s.readRepair(), ConflictMode.SIBLINGS, s.fsync()));
    }
    NetworkSpec network = seed % 2 == 0 ? NetworkSpec.DEFAULT
        : new NetworkSpec(new LatencySpec(LatencySpec.Kind.UNIFORM, 0.05, 2, 0), 0.01, 0.01, true);
    return base.withNetwork(network);
  }

  @Test
  void twentySeedsEachGiveTheSameRunTwice() throws Exception {
    Set<String> histories = new HashSet<>();
    for (long seed = 1; seed <= 20; seed++) {
      DeterminismCheck.Result r = DeterminismCheck.run(spec(seed), out.resolve("seed-" + seed), ProgressSink.NONE);
      assertThat(r.divergence()).as("seed %d", seed).isNull();
      assertThat(r.compared()).as("seed %d", seed).contains(RunDirectory.HISTORY, RunDirectory.RESULTS, "nodes/n1.log", "nodes/network.log");
      assertThat(r.events()).as("seed %d: events", seed).isGreaterThan(1000);
      assertThat(ResultsReader.read(r.first().runDir()).info().error()).as("seed %d", seed).isNull();
      var history = Histories.read(r.first().runDir().resolve(RunDirectory.HISTORY));
      assertThat(history.clientOperations()).as("seed %d: ops", seed).hasSizeGreaterThan(250);
      assertThat(history.ops().stream().filter(Op::isNemesis).map(Op::f)).as("seed %d: faults", seed).contains("heal");
      histories.add(Files.readString(r.first().runDir().resolve(RunDirectory.HISTORY)));
    }
    assertThat(histories).as("every seed a run of its own").hasSize(20);
  }
}
