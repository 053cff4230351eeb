package io.quorumlab.results.write;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.history.History;
import io.quorumlab.results.ResultsWriter;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes what a finished run leaves behind: results.json and report.html. It sits above both the
 * results (root package) and the report, which renders them, so neither depends on the other's user.
 */
public final class RunWriter {
  private RunWriter() {}

  /**
   * Computes the run's results, writes {@link RunDirectory#RESULTS} and {@link RunDirectory#REPORT}
   * into {@code runDir}, and returns the results.
   */
  public static RunResults write(Path runDir, RunInfo info, History history, List<CheckResult> checks) throws IOException {
    RunResults results = RunResults.of(runDir, info, history, checks);
    ResultsWriter.writeResults(runDir, results);
    ReportWriter.write(runDir, results, history);
    return results;
  }
}
