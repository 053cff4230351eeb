package io.quorumlab.harness.run;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunResults;
import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.config.Quorum;
import io.quorumlab.store.config.ReadRepair;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The lines a run ends with on the console: verdict, each checker's finding with one example, why, where. */
public final class RunSummary {
  private RunSummary() {}

  public static void print(PrintWriter out, RunSpec spec, RunOutcome outcome) {
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
    for (String line : lessons(spec, results.verdict())) out.println("why         " + line);
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

  /**
   * One or two sentences on why this configuration did or did not show anomalies, so that a first
   * run teaches something whatever it finds.
   */
  static List<String> lessons(RunSpec spec, Verdict verdict) {
    StoreSettings s = spec.store();
    List<String> out = new ArrayList<>();
    boolean overlap = s.w() + s.r() > s.n();
    if (verdict == Verdict.INVALID) {
      boolean register = "register".equals(spec.workload());
      if (s.conflicts() == ConflictMode.LWW && !register) {
        out.add("lww keeps the write with the newest timestamp and silently drops concurrent ones: two clients that each "
            + "read the value and wrote it back with their change overwrite each other, acknowledged or not.");
      }
      if (!overlap) {
        out.add("W + R = " + (s.w() + s.r()) + " <= N = " + s.n() + ": a read quorum need not include any replica of the last "
            + "acknowledged write, so reads can be stale even without faults.");
      } else if (!(s.conflicts() == ConflictMode.ABD && s.readRepair() == ReadRepair.BLOCKING)) {
        out.add("W + R > N makes quorums overlap, but a write that timed out may still have reached some replicas: one read "
            + "quorum sees it and a later one does not, unless reads write back what they return (blocking read repair)"
            + (s.quorum() == Quorum.SLOPPY ? "; and once the failure detector convicts a partitioned node, a sloppy quorum "
                + "counts fallback nodes outside the key's N replicas, so quorums need not overlap at all." : "."));
      }
      if (s.conflicts() == ConflictMode.LWW && register) {
        out.add("lww keeps the write with the newest timestamp and silently drops concurrent ones, acknowledged or not.");
      }
      if (s.conflicts() == ConflictMode.ABD && s.quorum() == Quorum.STRICT && s.readRepair() == ReadRepair.BLOCKING) {
        out.add("abd with strict quorums and blocking read repair should be linearizable: this points at a bug in the store "
            + "or the checker; the report has the ops.");
      }
      if (s.conflicts() == ConflictMode.SIBLINGS) {
        out.add("siblings keep concurrent writes, but a read-modify-write that is not atomic can still reorder or hide them.");
      }
    } else if (verdict == Verdict.VALID) {
      if (s.conflicts() == ConflictMode.ABD && s.quorum() == Quorum.STRICT && s.readRepair() == ReadRepair.BLOCKING) {
        out.add("abd with strict quorums and blocking read repair is designed to be linearizable; this run agrees.");
      } else if (s.conflicts() == ConflictMode.SIBLINGS && "set".equals(spec.workload())) {
        out.add("siblings keep every concurrent add and the next add merges them, so no acknowledged add is lost.");
      } else if (s.w() + s.r() > s.n() && s.quorum() == Quorum.SLOPPY) {
        out.add("no anomaly this time, which does not make this configuration safe: a sloppy quorum takes over only after "
            + "the failure detector convicts a node (5-9 s without a heartbeat), so try --nemesis-interval 20 "
            + "--time-limit 120, or --nemesis all.");
      } else {
        out.add("no anomaly this time, which does not make this configuration safe: try a longer --time-limit, "
            + "--nemesis all, or W=1 R=1 to see what it can lose.");
      }
    }
    return out;
  }
}
