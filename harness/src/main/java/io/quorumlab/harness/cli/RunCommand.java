package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.ConsoleProgress;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSpec;
import io.quorumlab.harness.run.RunSummary;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.ExitCodes;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.cli.store.StoreOptions;
import io.quorumlab.harness.sim.DeterminismCheck;
import io.quorumlab.harness.sim.SimBackend;
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
    defaultValueProvider = RunCommand.Defaults.class,
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

  @picocli.CommandLine.Mixin StoreOptions store = new StoreOptions();

  @Option(names = "--time-limit", paramLabel = "S", description = "Seconds of load (default: ${DEFAULT-VALUE}).")
  double timeLimit = RunSpec.DEFAULT_TIME_LIMIT;

  @picocli.CommandLine.Mixin LoadOptions load = new LoadOptions();

  @Option(names = "--check-determinism",
      description = "sim: run twice and compare the runs event by event and file by file (history.jsonl, results.json, node logs); "
          + "a difference is named by the first event or line where it happened, and exits 2.")
  boolean checkDeterminism;

  @Option(names = "--diagram-limit", paramLabel = "REQUESTS",
      description = "sim: log every message (messages.jsonl) and draw the message diagram in report.html when the clients send "
          + "at most this many requests; 0 never (default: " + SimBackend.DEFAULT_MESSAGE_LIMIT + ").")
  Integer diagramLimit;

  /** --junit FILE and --expect valid|invalid: the CI gate. */
  @picocli.CommandLine.Mixin io.quorumlab.harness.gate.GateOptions gate = new io.quorumlab.harness.gate.GateOptions();

  /** The store options' defaults under {@code run}: {@link RunSpec#DEFAULT_STORE}. */
  public static final class Defaults extends StoreOptions.Defaults {
    public Defaults() {
      super(RunSpec.DEFAULT_STORE);
    }
  }

  RunSpec toSpec() {
    return load.spec(store.over(RunSpec.DEFAULT_STORE), timeLimit);
  }

  @Override
  public Integer call() throws Exception {
    RunSpec runSpec = toSpec();
    Runner.validate(runSpec);
    boolean sim = runSpec.backend().equals(SimBackend.NAME);
    if (checkDeterminism && !sim) {
      throw new SpecException("--check-determinism needs --backend sim: only a simulation replays a run exactly, not the "
          + runSpec.backend() + " backend");
    }
    if (diagramLimit != null && !sim) {
      throw new SpecException("--diagram-limit needs --backend sim: only a simulation sees every message, not the "
          + runSpec.backend() + " backend");
    }
    if (diagramLimit != null && diagramLimit < 0) {
      throw new SpecException("--diagram-limit must be 0 (no diagram) or more client requests, not " + diagramLimit);
    }
    gate.validate();
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    err.println("quorumlab run: " + runSpec.workload() + " on " + runSpec.nodes() + " " + runSpec.backend() + " nodes, "
        + runSpec.label() + ", seed " + runSpec.seed());
    err.flush();
    if (checkDeterminism) return checkDeterminism(runSpec, err, outWriter);
    ConsoleProgress console = ConsoleProgress.console(err);
    SimSpeed speed = sim ? new SimSpeed(console) : null;
    SimBackend simBackend = sim ? SimBackend.observed(speed::deployed)
        .withMessageLimit(diagramLimit == null ? SimBackend.DEFAULT_MESSAGE_LIMIT : diagramLimit) : null;
    Runner runner = sim ? new Runner(runSpec, load.out(), speed, simBackend)
        : new Runner(runSpec, load.out(), console);
    try (Interrupts interrupts = Interrupts.install(err, runner::interrupt)) {
      RunOutcome outcome = runner.run();
      RunSummary.print(outWriter, outcome);
      String line = speed == null ? null : speed.line();
      if (line != null) outWriter.println(line);
      return gate.finish(outWriter, err, runSpec, outcome);
    }
  }

  /** Runs the spec twice and compares; not deterministic is unknown (2), whatever the verdict. */
  private int checkDeterminism(RunSpec runSpec, PrintWriter err, PrintWriter outWriter) throws java.io.IOException {
    DeterminismCheck.Result r = DeterminismCheck.run(runSpec, load.out(), ConsoleProgress.console(err));
    RunSummary.print(outWriter, r.first());
    outWriter.println("second run  " + r.second().runDir());
    outWriter.println("determinism " + r.line());
    if (!r.deterministic()) {
      outWriter.println("exit        " + ExitCodes.UNKNOWN + " (the run is not a function of its seed: a bug in the "
          + "simulation or the harness)");
      outWriter.flush();
      return ExitCodes.UNKNOWN;
    }
    return gate.finish(outWriter, err, runSpec, r.first());
  }
}
