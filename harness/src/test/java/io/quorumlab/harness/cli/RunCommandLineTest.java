package io.quorumlab.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.harness.explore.Swarm;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.run.LatencySpec;
import io.quorumlab.harness.run.NetworkSpec;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RunCommandLineTest {
  @Test
  void theCommandParsesBackToTheSameSpec() {
    RunSpec base = RunSpec.defaults(0).withBackend("sim", 3).withNemesis(NemesisPlan.of("partition:isolate+bridge,kill,pause", 1.5))
        .withStore(RunSpec.DEFAULT_STORE.withQuorums(3, 2, 2).withModes(Quorum.STRICT, ReadRepair.BLOCKING, ConflictMode.ABD,
            RunSpec.DEFAULT_STORE.fsync()))
        .withNetwork(new NetworkSpec(LatencySpec.parse("uniform:0.5,2"), 0.01, 0, true));
    for (long seed = 40; seed < 60; seed++) {
      RunSpec spec = Swarm.draw(base, seed);
      assertThat(parse(RunCommandLine.args(spec))).isEqualTo(spec);
    }
  }

  @Test
  void itNamesOnlyWhatDiffersFromRunsDefaultsBesidesBackendAndSeed() {
    RunSpec spec = new RunCommandHolder().parse("--backend", "sim", "--seed", "12", "--nodes", "3");
    assertThat(RunCommandLine.of(spec)).isEqualTo("./quorumlab run --backend sim --nodes 3 --seed 12");
    RunSpec quoted = spec.withNemesis(NemesisPlan.of("partition, kill", 2));
    assertThat(RunCommandLine.of(quoted)).contains("--nemesis 'partition, kill' --nemesis-interval 2 ");
  }

  private static RunSpec parse(List<String> args) {
    return new RunCommandHolder().parse(args.toArray(String[]::new));
  }

  private static final class RunCommandHolder {
    RunSpec parse(String... args) {
      RunCommand run = new RunCommand();
      new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(args);
      return run.toSpec();
    }
  }
}
