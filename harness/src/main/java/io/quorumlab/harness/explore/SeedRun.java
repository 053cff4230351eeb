package io.quorumlab.harness.explore;

import io.quorumlab.harness.run.Backend;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.sim.SimBackend;
import java.nio.file.Path;

/**
 * One seed on the sim backend, on the calling thread: the same {@link Runner} as {@code quorumlab run},
 * so a seed run here and the same spec run by {@code run} or {@code replay} are the same run.
 */
public final class SeedRun {
  private final RunSpec spec;
  private final Runner runner;

  /** @param outRoot where to write the run directory, or null to keep the run in memory (cheap) */
  public SeedRun(RunSpec spec, Path outRoot) {
    // An in-memory seed writes no run dir, so recording messages for a diagram would be wasted work.
    this(spec, outRoot, outRoot == null ? new SimBackend().withMessageLimit(0) : new SimBackend());
  }

  /** One seed on {@code backend} (a sim backend, possibly with planted bugs: selftest). */
  public SeedRun(RunSpec spec, Path outRoot, Backend backend) {
    this.spec = spec;
    this.runner = new Runner(spec, outRoot, ProgressSink.NONE, backend);
  }

  /** Ctrl-C: stops the run (its outcome is then unknown, "interrupted"). */
  public void interrupt() {
    runner.interrupt();
  }

  public SeedOutcome run() {
    long started = System.nanoTime();
    RunOutcome o = runner.run();
    return SeedOutcome.of(spec, o.results(), System.nanoTime() - started, o.runDir());
  }
}
