package io.quorumlab.harness.cli;

import io.quorumlab.harness.run.ConsoleProgress;
import io.quorumlab.harness.run.RunSummary;
import io.quorumlab.harness.shrink.RecordedRun;
import io.quorumlab.harness.shrink.Replay;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code quorumlab replay RUN_DIR}: runs a simulated run again and confirms it is the same run. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a sim run again from its spec.json (its seed, its schedule) into a new run directory under --out, and confirms "
          + "that it is the same run: the SHA-256 of history.jsonl, the verdict and the exit code must all match. RUN_DIR "
          + "itself is only read.",
      "",
      "Exit codes: the run's own (0 valid, 1 anomalies found, 2 unknown) when the replay matches; 2 when it does not "
          + "(the first differing history line is named); 254 when RUN_DIR is not a finished sim run of this spec format "
          + "(a local or docker run, a missing or corrupt spec.json, a spec.json of an older or newer quorumlab)."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RUN_DIR", description = "The directory of a run of the sim backend.")
  Path dir;

  @Option(names = "--out", paramLabel = "DIR", description = "Where the replay's run directory is written (default: ${DEFAULT-VALUE}).")
  Path out = Path.of("runs");

  @Override
  public Integer call() throws Exception {
    RecordedRun recorded = RecordedRun.read(dir);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    err.println("quorumlab replay: " + dir + " (" + recorded.spec().workload() + ", " + recorded.spec().label() + ", seed "
        + recorded.spec().seed() + ")");
    err.flush();
    Replay.Result r = Replay.run(recorded, this.out, ConsoleProgress.console(err));
    RunSummary.print(out, r.replay());
    out.println("recorded    history sha256 " + r.recordedDigest() + ", " + r.recordedVerdict().wireName() + " (exit "
        + recorded.results().exitCode() + ")");
    out.println("replayed    history sha256 " + r.replayedDigest() + ", " + r.replay().results().verdict().wireName() + " (exit "
        + r.replay().exitCode() + ")");
    if (!r.sameHistory()) {
      out.println("DIVERGED    the replay's history differs from the recorded one at " + r.firstDifference());
      out.println("            (a run of the sim backend is a function of its spec: a bug in the simulation or the harness, "
          + "or the run was made by another build of quorumlab)");
    } else if (!r.sameVerdict()) {
      out.println("DIVERGED    same history, but another verdict: the checkers changed since the run (quorumlab report "
          + dir + " re-checks it)");
    } else {
      out.println("replay      identical: same history, same verdict, exit " + r.exitCode());
    }
    out.flush();
    return r.exitCode();
  }
}
