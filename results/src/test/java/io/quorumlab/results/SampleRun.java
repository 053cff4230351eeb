package io.quorumlab.results;

import io.quorumlab.checkers.history.History;
import io.quorumlab.results.report.ReportWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a synthetic run's results and report and prints how long each step took:
 * {@code java -cp <test classpath> io.quorumlab.results.SampleRun OUT_DIR [RATE] [WORKERS]}.
 * At RATE 1700 the run has about 100k ops, the scale the report must handle.
 */
public final class SampleRun {
  private SampleRun() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/sample-run");
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 150;
    int workers = args.length > 2 ? Integer.parseInt(args[2]) : 16;
    Files.createDirectories(out.resolve(RunDirectory.NODES));
    SyntheticRun run = SyntheticRun.generate(42, rate, workers);
    History h = run.history;
    for (int i = 0; i < 3; i++) {
      long t0 = System.nanoTime();
      RunResults r = RunResults.of(out, run.info, h, SyntheticRun.checks(out));
      long t1 = System.nanoTime();
      ResultsWriter.writeResults(out, r);
      long t2 = System.nanoTime();
      ReportWriter.write(out, r, h);
      long t3 = System.nanoTime();
      System.out.printf("ops=%d metrics=%.0f ms results.json=%.0f ms report=%.0f ms report.html=%,d bytes results.json=%,d bytes%n",
          h.size(), (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
          Files.size(out.resolve(RunDirectory.REPORT)), Files.size(out.resolve(RunDirectory.RESULTS)));
    }
  }
}
