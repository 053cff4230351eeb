package io.quorumlab.harness.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.NemesisPlan;
import io.quorumlab.harness.nemesis.RecordingCluster;
import io.quorumlab.harness.time.VirtualLoop;
import io.quorumlab.results.Phase;
import io.quorumlab.results.ResultsReader;
import io.quorumlab.results.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole run through {@link Runner} on a backend whose loop is in virtual time: the runner, the
 * load, the faults and the recorder need nothing but the {@link io.quorumlab.harness.time.EventLoop},
 * and the run is then a function of its seed, down to the nanosecond of every op.
 */
class VirtualRunTest {
  @TempDir Path out;

  /** One in-memory store behind every node, answering 4 ms later, every 9th put indeterminate; faults only recorded. */
  private static Backend virtual() {
    return new Backend() {
      @Override
      public String name() {
        return "virtual";
      }

      @Override
      public Deployment deploy(RunSpec spec) {
        VirtualLoop loop = new VirtualLoop();
        FakeStoreClient store = new FakeStoreClient(9, 4, loop::schedule);
        return new Deployment(loop, new RecordingCluster(spec.nodes()), (node, options) -> store);
      }
    };
  }

  private static RunSpec spec(long seed) {
    return RunSpec.defaults(seed).withBackend("virtual", 5).withNemesis(NemesisPlan.of("partition,kill", 5));
  }

  private Path run(long seed, String dir) throws Exception {
    RunOutcome o = new Runner(spec(seed), out.resolve(dir), ProgressSink.NONE, virtual()).run();
    assertThat(ResultsReader.read(o.runDir()).info().error()).isNull();
    return o.runDir();
  }

  private static History history(Path runDir) throws Exception {
    return Histories.read(runDir.resolve(RunDirectory.HISTORY));
  }

  @Test
  void aRunInVirtualTimeIsAFunctionOfItsSeed() throws Exception {
    Path dirA = run(5, "a");
    History a = history(dirA);
    // a minute of load at 100 ops/s, faults every 5 s, then healing, quiescing and final reads
    assertThat(a.clientOperations()).hasSizeGreaterThan(5500);
    assertThat(a.ops().stream().filter(Op::isNemesis).map(Op::f)).contains("start-partition", "start-kill", "stop-kill", "heal");
    assertThat(a.ops().get(a.size() - 1).time()).as("the run's clock: 60 s of load, 5 s of quiet and then some")
        .isGreaterThan(65_000_000_000L);
    Path dirB = run(5, "b");
    assertThat(Files.readString(dirB.resolve(RunDirectory.HISTORY))).isEqualTo(Files.readString(dirA.resolve(RunDirectory.HISTORY)));
    assertThat(history(run(6, "c")).ops()).isNotEqualTo(a.ops());
    assertThat(ResultsReader.read(dirA).info().phases()).extracting(Phase::name)
        .containsExactly("setup", "load", "heal", "quiesce", "final-reads", "teardown", "check");
  }
}
