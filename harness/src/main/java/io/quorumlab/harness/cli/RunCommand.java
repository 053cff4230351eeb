package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.ConsoleProgress;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.RunSummary;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.FsyncPolicy;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quorumlab run}: one run of a workload against a real cluster under faults. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Starts a cluster, drives a workload at it while injecting faults, heals, reads every key once more, "
          + "checks the recorded history and writes runs/<workload>/<timestamp>/ (spec.json, history.jsonl, "
          + "results.json, report.html, nodes/).",
      "",
      "The defaults run for about a minute on 5 local nodes with N=3 W=1 R=1, last-writer-wins and a sloppy "
          + "quorum, the fast settings many deployments choose, while partitions come and go every 10 s: the "
          + "register workload then finds stale reads and keys that are not linearizable, and the summary and "
          + "report explain each. Then try --w 2 --r 2 (W + R > N: most anomalies go, but not all; partitions longer "
          + "than the failure detector's 5-9 s, e.g. --nemesis-interval 20 --time-limit 120, let the sloppy quorum "
          + "break it again), and --conflicts abd --quorum strict --read-repair blocking to see the same load come "
          + "out valid.",
      "",
      "Ctrl-C or SIGTERM stops the load, heals the faults, stops the cluster and still checks and writes what was "
          + "recorded, as unknown; a second one quits at once.",
      "",
      "Exit codes: 0 valid, 1 anomalies found, 2 unknown (a checker gave up, or the run crashed or was "
          + "interrupted), 254 bad arguments.",
      ""
    })
public final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--n", paramLabel = "N", description = "Replicas per key (default: ${DEFAULT-VALUE}).")
  int n = RunSpec.DEFAULT_N;

  @Option(names = "--w", paramLabel = "W", description = "Write quorum (default: ${DEFAULT-VALUE}).")
  int w = RunSpec.DEFAULT_W;

  @Option(names = "--r", paramLabel = "R", description = "Read quorum (default: ${DEFAULT-VALUE}).")
  int r = RunSpec.DEFAULT_R;

  @Option(names = "--quorum", paramLabel = "sloppy|strict",
      description = "sloppy counts fallback nodes when replicas are unreachable (default: sloppy).")
  Quorum quorum = Quorum.SLOPPY;

  @Option(names = "--read-repair", paramLabel = "off|async|blocking", description = "Read repair (default: async).")
  ReadRepair readRepair = ReadRepair.ASYNC;

  @Option(names = "--conflicts", paramLabel = "siblings|lww|abd",
      description = "Concurrent versions: kept as siblings, last writer wins, or the ABD register (default: lww).")
  ConflictMode conflicts = ConflictMode.LWW;

  @Option(names = "--fsync", paramLabel = "always|periodic|never", description = "WAL sync policy (default: always).")
  FsyncPolicy fsync = FsyncPolicy.ALWAYS;

  @Option(names = "--time-limit", paramLabel = "S", description = "Seconds of load (default: ${DEFAULT-VALUE}).")
  double timeLimit = RunSpec.DEFAULT_TIME_LIMIT;

  @picocli.CommandLine.Mixin LoadOptions load = new LoadOptions();

  /** --junit FILE and --expect valid|invalid: the CI gate. */
  @picocli.CommandLine.Mixin io.quorumlab.harness.gate.GateOptions gate = new io.quorumlab.harness.gate.GateOptions();

  RunSpec toSpec() {
    return load.spec(n, w, r, quorum, readRepair, conflicts, fsync, timeLimit);
  }

  @Override
  public Integer call() throws Exception {
    RunSpec runSpec = toSpec();
    Runner.validate(runSpec);
    gate.validate();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    err.println("quorumlab run: " + runSpec.workload() + " on " + runSpec.nodes() + " " + runSpec.backend() + " nodes, "
        + runSpec.label() + ", seed " + runSpec.seed());
    err.flush();
    Runner runner = new Runner(runSpec, load.out(), ConsoleProgress.console(err));
    try (Interrupts interrupts = Interrupts.install(err, runner::interrupt)) {
      RunOutcome outcome = runner.run();
      RunSummary.print(outWriter, outcome);
      return gate.finish(outWriter, err, runSpec, outcome);
    }
  }
}
