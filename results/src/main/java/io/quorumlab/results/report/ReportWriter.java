package io.quorumlab.results.report;

import io.quorumlab.checkers.history.History;
import io.quorumlab.results.ResultsWriter;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writes a run's self-contained report.html (viewable offline: no external scripts, fonts or CSS). */
public final class ReportWriter {
  static {
    // Charts are drawn with AWT; on a server without a display it must not look for one.
    if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
  }

  private ReportWriter() {}

  /** Renders the report for {@code results} and the run's {@code history} into runDir/report.html. */
  public static Path write(Path runDir, RunResults results, History history) throws IOException {
    String html = ReportPage.render(runDir, results, history);
    Path out = runDir.resolve(RunDirectory.REPORT);
    ResultsWriter.writeAtomically(out, html.getBytes(StandardCharsets.UTF_8));
    return out;
  }
}
