package io.quorumlab.harness.run;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.Lessons;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines a run ends with on the console: verdict, each checker's finding with one example, why
 * ({@link Lessons}, which report.html shows too), where.
 */
public final class RunSummary {
  private RunSummary() {}

  public static void print(PrintWriter out, RunOutcome outcome) {
    RunResults results = outcome.results();
    out.println();
    out.println("verdict     " + verdictLine(results.verdict(), outcome.exitCode(), results.info().error()));
    for (CheckResult c : outcome.checks()) {
      out.println(String.format(Locale.ROOT, "  %-14s %-8s %s", c.checker(), c.verdict().wireName(), c.summary()));
      if (c.verdict() != Verdict.VALID) {
        for (String line : example(c.explanation())) out.println("      " + line.strip());
      }
    }
    out.println(String.format(Locale.ROOT, "ops         %d ok, %d fail, %d info; %.0f ok ops/s during the load",
        results.metrics().overall().ok(), results.metrics().overall().fail(), results.metrics().overall().info(), results.throughput()));
    for (String line : Lessons.of(results)) out.println("why         " + line);
    Path report = outcome.runDir().resolve(RunDirectory.REPORT);
    out.println("report      " + report);
    out.flush();
  }

  static String verdictLine(Verdict v, int exitCode, String error) {
    String what = switch (v) {
      case VALID -> "VALID: no anomaly found";
      case INVALID -> "INVALID: anomalies found";
      case UNKNOWN -> "UNKNOWN: " + (error != null ? error : "a checker could not decide");
    };
    return what + " (exit " + exitCode + ")";
  }

  /** The explanation's headline and its first example (checkers put a header line first). */
  private static List<String> example(List<String> explanation) {
    List<String> out = new ArrayList<>();
    for (String line : explanation) {
      if (line.isBlank()) continue;
      out.add(line.length() > 220 ? line.substring(0, 217) + "..." : line);
      if (out.size() == 2) break;
    }
    return out;
  }
}
