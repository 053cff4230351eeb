package io.quorumlab.harness.gate;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunDirectory;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunMetrics;
import io.quorumlab.results.RunResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Run results made by hand, for testing the gate and the comparison without starting a cluster. */
public final class SyntheticRuns {
  private SyntheticRuns() {}

  public static CheckSummary linearizable(Verdict v) {
    return switch (v) {
      case VALID -> new CheckSummary("linearizable", v, "linearizable: 10 keys", List.of(), Map.of(), Map.of(), List.of());
      case INVALID -> new CheckSummary("linearizable", v, "not linearizable: key 8",
          List.of("key 8 is not linearizable (register model, 97 calls):", "read returned 21 <but> write 22 was acknowledged"),
          Map.of("nonlinearizable-key", 1L), Map.of(), List.of());
      case UNKNOWN -> new CheckSummary("linearizable", v, "gave up after 30 s on key 3", List.of("budget exhausted"), Map.of(), Map.of(),
          List.of());
    };
  }

  public static CheckSummary staleReads(long count) {
    return count == 0
        ? new CheckSummary("stale-read", Verdict.VALID, "no stale read of 400", List.of(), Map.of(), Map.of(), List.of())
        : new CheckSummary("stale-read", Verdict.INVALID, count + " stale reads of 400",
            List.of(count + " of 400 reads returned an old value:", "key 5: read returned 28 & missed 29"),
            Map.of("stale-read", count), Map.of(), List.of());
  }

  /** Results with these checks, plausible metrics scaled by {@code latencyMs}, and the given error. */
  public static RunResults results(List<CheckSummary> checks, double latencyMs, String error) {
    LatencySummary l = new LatencySummary(500, latencyMs, latencyMs, latencyMs * 2, latencyMs * 3, latencyMs * 4, latencyMs * 5);
    RunMetrics m = new RunMetrics(new Outcomes(900, 50, 50), new Outcomes(400, 50, 50), new Outcomes(500, 0, 0), Map.of(), l, l, 90.0, 10.0,
        List.of(), List.of());
    RunInfo info = new RunInfo("register", "local", Map.of("seed", 7L, "n", 3L), 1_700_000_000_000L,
        List.of(new Phase(Phase.SETUP, 0, 1_000_000_000L), new Phase(Phase.LOAD, 1_000_000_000L, 11_000_000_000L)), error);
    Verdict v = error != null || checks.isEmpty() ? Verdict.UNKNOWN : checks.stream().map(CheckSummary::verdict).reduce(Verdict.VALID, Verdict::and);
    Map<String, Long> anomalies = new java.util.TreeMap<>();
    checks.forEach(c -> c.anomalies().forEach((k, n) -> anomalies.merge(k, n, Long::sum)));
    return new RunResults(v, checks, anomalies, m, info);
  }

  public static RunResults valid() {
    return results(List.of(linearizable(Verdict.VALID), staleReads(0)), 2, null);
  }

  public static RunResults invalid() {
    return results(List.of(linearizable(Verdict.INVALID), staleReads(12)), 1, null);
  }

  public static RunResults unknown() {
    return results(List.of(linearizable(Verdict.UNKNOWN), staleReads(0)), 1, null);
  }

  /** A run directory with a report file in it, as a real run leaves. */
  public static Path runDir(Path root, String workload) throws IOException {
    Path dir = RunDirectory.create(root, workload);
    Files.writeString(dir.resolve(RunDirectory.REPORT), "<html></html>");
    return dir;
  }
}
