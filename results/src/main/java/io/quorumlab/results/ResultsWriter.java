package io.quorumlab.results;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.history.History;
import io.quorumlab.results.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Writes a run's results.json and report.html. */
public final class ResultsWriter {
  private ResultsWriter() {}

  /**
   * Computes the run's results, writes {@link RunDirectory#RESULTS} and {@link RunDirectory#REPORT}
   * into {@code runDir}, and returns the results.
   */
  public static RunResults write(Path runDir, RunInfo info, History history, List<CheckResult> checks) throws IOException {
    RunResults results = RunResults.of(runDir, info, history, checks);
    writeResults(runDir, results);
    ReportWriter.write(runDir, results, history);
    return results;
  }

  /** Writes {@link RunDirectory#RESULTS} alone, atomically (a reader never sees half a file). */
  public static void writeResults(Path runDir, RunResults results) throws IOException {
    writeAtomically(runDir.resolve(RunDirectory.RESULTS), ResultsJson.MAPPER.writeValueAsBytes(ResultsFile.of(results)));
  }

  /** Writes {@link RunDirectory#SPEC}: every option of the run, in the given order. */
  public static void writeSpec(Path runDir, Map<String, Object> spec) throws IOException {
    writeAtomically(runDir.resolve(RunDirectory.SPEC), ResultsJson.MAPPER.writeValueAsBytes(spec));
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException notAtomic) {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
