package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.harness.run.ProgressSink;
import io.quorumlab.harness.run.RunOutcome;
import io.quorumlab.harness.run.Runner;
import io.quorumlab.harness.sim.SimBackend;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Runs a recorded sim run again from its spec, into a new run directory (the recorded one is only
 * read), and compares: the history's digest, the verdict, the exit code.
 */
public final class Replay {
  private Replay() {}

  /**
   * @param recordedDigest SHA-256 of the recorded history.jsonl
   * @param replayedDigest SHA-256 of the replay's
   * @param firstDifference where the histories first differ, or null
   */
  public record Result(RecordedRun recorded, RunOutcome replay, String recordedDigest, String replayedDigest, String firstDifference) {

    public boolean sameHistory() {
      return recordedDigest.equals(replayedDigest);
    }

    public Verdict recordedVerdict() {
      return recorded.results().verdict();
    }

    public boolean sameVerdict() {
      return recorded.results().verdict() == replay.results().verdict() && recorded.results().exitCode() == replay.exitCode();
    }

    /** Agreed: the replay's exit code; else 2, as for any run whose result cannot be trusted. */
    public int exitCode() {
      return sameHistory() && sameVerdict() ? replay.exitCode() : Verdict.UNKNOWN.exitCode;
    }
  }

  /** Replays {@code run}, writing the replay's directory under {@code outRoot}. */
  public static Result run(RecordedRun run, Path outRoot, ProgressSink progress) throws IOException {
    RunOutcome outcome = new Runner(run.spec(), outRoot, progress, new SimBackend()).run();
    Path recorded = run.dir().resolve(RunDirectory.HISTORY);
    Path replayed = outcome.runDir().resolve(RunDirectory.HISTORY);
    String a = HistoryDigest.of(recorded);
    String b = HistoryDigest.of(replayed);
    return new Result(run, outcome, a, b, a.equals(b) ? null : HistoryDigest.firstDifference(recorded, replayed));
  }
}
