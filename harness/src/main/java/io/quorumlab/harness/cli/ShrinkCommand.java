package io.quorumlab.harness.cli;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.run.ConsoleProgress;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.RunSummary;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.shrink.AnomalyClass;
import io.quorumlab.harness.shrink.Budget;
import io.quorumlab.harness.shrink.RecordedRun;
import io.quorumlab.harness.shrink.Shrinker;
import io.quorumlab.harness.shrink.Sizes;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quorumlab shrink RUN_DIR}: the smallest run that fails like a failing sim run. */
@Command(
    name = "shrink",
    mixinStandardHelpOptions = true,
    description = {
      "Shrinks a failing sim run by delta debugging over its inputs: its client ops become an explicit schedule and its "
          + "faults an explicit list, then ops, keys, faults, final reads, processes and nodes are dropped and faults, the "
          + "load and the quiet time shortened for as long as the same checker still finds the same class of anomaly. Every "
          + "candidate is run in the simulation (a run is a function of its spec, so one run answers). Writes a new run "
          + "directory under --out with the schedule in spec.json, the minimal history and a report; prints the sizes before "
          + "and after and the number of replays. RUN_DIR itself is only read.",
      "",
      "Exit codes: 1 when the shrunk run shows the anomaly (as it should); 2 when the anomaly did not reproduce from the "
          + "explicit schedule; 254 when RUN_DIR is valid (nothing to shrink) or not a finished sim run of this spec format."
    })
public final class ShrinkCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "The directory of a failing run of the sim backend.")
  Path dir;

  @Option(names = "--checker", paramLabel = "NAME",
      description = "Keep this checker's finding (default: the first checker that found an anomaly, in the workload's order).")
  String checker;

  @Option(names = "--max-replays", paramLabel = "N", description = "Run at most N candidates (default: ${DEFAULT-VALUE}).")
  int maxReplays = Budget.DEFAULT.maxReplays();

  @Option(names = "--max-seconds", paramLabel = "S",
      description = "Stop shrinking after S seconds of wall time, keeping the smallest failing run so far (default: ${DEFAULT-VALUE}).")
  double maxSeconds = Budget.DEFAULT.maxTime().toSeconds();

  @Option(names = "--out", paramLabel = "DIR", description = "Where the shrunk run's directory is written (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("runs");

  @Override
  public Integer call() throws Exception {
    Budget budget = new Budget(maxReplays, Duration.ofMillis(Math.round(Math.min(maxSeconds, 1e9) * 1000)));
    RecordedRun run = RecordedRun.read(dir);
    AnomalyClass target = (checker == null ? AnomalyClass.firstOf(run.results()) : AnomalyClass.of(run.results(), checker))
        .orElseThrow(() -> new SpecException(dir + " is " + run.results().verdict().wireName() + (checker == null
            ? ": no checker found an anomaly, so there is nothing to shrink"
            : ": checker '" + checker + "' found no anomaly in it, so there is nothing to shrink")));
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    Sizes before = Sizes.of(run.spec(), run.history(), run.results());
    err.println("quorumlab shrink: " + dir + " (" + before + "), keeping " + target + "; budget " + budget.maxReplays()
        + " replays, " + budget.maxTime().toSeconds() + " s");
    err.flush();
    Path scratch = Files.createTempDirectory("quorumlab-shrink");
    Shrinker.Result r;
    try {
      r = Shrinker.shrink(run, target, budget, scratch, line -> {
        err.println("shrink  " + line);
        err.flush();
      });
    } finally {
      deleteTree(scratch);
    }
    if (!r.reproduced()) {
      outWriter.println("not reproduced: the run made explicit (its ops as a schedule, its faults as a list) did not show " + target
          + " (" + r.replays() + " replays); nothing was written");
      outWriter.flush();
      return 2;
    }
    RunOutcome shrunk = new Runner(r.shrunk(), out, ConsoleProgress.console(err), new SimBackend()).run();
    Sizes after = Sizes.of(r.shrunk(), Histories.read(shrunk.runDir().resolve(RunDirectory.HISTORY)), shrunk.results());
    RunSummary.print(outWriter, shrunk);
    outWriter.println("kept        " + target + (target.foundIn(shrunk.results()) ? "" : "  -- NOT FOUND in the shrunk run"));
    outWriter.println("before      " + before);
    outWriter.println("after       " + after);
    outWriter.println(String.format(Locale.ROOT, "replays     %d in %.1f s%s", r.replays(), r.seconds(),
        r.budgetSpent() ? " (budget spent: the run may shrink further with a larger --max-replays or --max-seconds)" : ""));
    outWriter.println("shrunk run  " + shrunk.runDir() + "   (./quorumlab replay " + shrunk.runDir() + ")");
    outWriter.flush();
    return target.foundIn(shrunk.results()) ? shrunk.exitCode() : 2;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
