package io.quorumlab.results;

import io.quorumlab.checkers.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Why this configuration did or did not show anomalies, in a sentence or two: the "why" lines of
 * the console summary and of report.html, so that a first run teaches something whatever it finds.
 *
 * <p>Every line must hold for the run's configuration. In particular a run is said to point at a
 * bug only when its configuration promises what the checkers test: the register workload (single
 * reads and writes) on an ABD register whose every write quorum meets every read quorum and every
 * tag-read quorum (both of size R here, so W + R > N), with strict quorums (a sloppy one may count
 * nodes outside the key's replicas) and blocking read repair (a read writes back what it returns
 * before answering). The set and list-append workloads change a key with a get and then a put,
 * which no register makes atomic.
 */
public final class Lessons {
  /** How a run's error begins when its nodes' storage failed (the harness's storage watch writes it). */
  public static final String STORAGE_FAILURE = "nodes could not store writes";

  private Lessons() {}

  /** The lines for a run's results; none when its spec lacks the store settings. */
  public static List<String> of(RunResults results) {
    RunInfo info = results.info();
    if (info.crashed() && info.error() != null && info.error().startsWith(STORAGE_FAILURE)) {
      return List.of("nodes could not store what they were sent, so what the checkers found may come from the failed disks "
          + "rather than from the quorum settings: this run is no verdict on the configuration; free the space and run it again.");
    }
    if (info.crashed()) {
      return List.of("the run did not end normally, so what the checkers found is shown but is no verdict: the history may "
          + "be incomplete (the set checker, for one, takes each key's last read as final, and the reads after healing "
          + "may never have run); run it again to the end.");
    }
    boolean clockSkewed = results.metrics() != null
        && results.metrics().faults().stream().anyMatch(f -> CLOCK_FAULT.equals(f.kind()));
    List<String> out = new ArrayList<>(Settings.of(info.workload(), info.spec()).map(s -> of(s, results.verdict(), clockSkewed))
        .orElse(List.of()));
    out.addAll(PowerLossLessons.of(results));
    return out;
  }

  static List<String> of(Settings s, Verdict verdict) {
    return of(s, verdict, false);
  }

  /** @param clockSkewed whether a clock fault was in force at some time of the run */
  static List<String> of(Settings s, Verdict verdict, boolean clockSkewed) {
    return switch (verdict) {
      case INVALID -> invalid(s, clockSkewed);
      case VALID -> valid(s);
      case UNKNOWN -> List.of();
    };
  }

  /** The fault kind of the clock nemesis ({@code start-clock} ops). */
  static final String CLOCK_FAULT = "clock";

  private static List<String> invalid(Settings s, boolean clockSkewed) {
    List<String> out = new ArrayList<>();
    if (clockSkewed && s.lww()) {
      out.add("timestamps from skewed clocks decided the winner: lww keeps the write with the newest timestamp, taken from "
          + "its coordinator's wall clock, so a write stamped by a clock running ahead beats later writes and one stamped "
          + "by a clock set back loses to earlier ones; acknowledged writes vanish even though every quorum overlaps.");
    }
    if (s.promisesLinearizability()) {
      out.add("abd with W + R > N (every write quorum meets every read and tag-read quorum), strict quorums and blocking "
          + "read repair is linearizable: this points at a bug in the store or the checker; the report has the ops.");
      return out;
    }
    if (!s.register()) out.add(readModifyWrite(s));
    if (s.abd() && s.register()) out.add(abdNeeds(s));
    if (!s.overlap()) {
      out.add("W + R = " + (s.w() + s.r()) + " <= N = " + s.n() + ": a read quorum need not include any replica of the last "
          + "acknowledged write, so reads can be stale even without faults.");
    } else if (s.sloppy()) {
      out.add("W + R > N makes strict quorums overlap, but once the failure detector convicts a partitioned node a sloppy "
          + "quorum counts fallback nodes outside the key's N replicas, so quorums need not overlap at all.");
    } else if (!s.blockingReadRepair()) {
      out.add("W + R > N makes quorums overlap, but a write that timed out may still have reached some replicas: one read "
          + "quorum sees it and a later one does not, unless reads write back what they return (blocking read repair).");
    }
    if (s.lww() && s.register()) {
      out.add("lww keeps the write with the newest timestamp and silently drops concurrent ones, acknowledged or not.");
    }
    return out;
  }

  private static List<String> valid(Settings s) {
    if (s.promisesLinearizability()) {
      return List.of("abd with W + R > N, strict quorums and blocking read repair is designed to be linearizable; this run agrees.");
    }
    if (s.siblings() && "set".equals(s.workload())) {
      return List.of("siblings keep every concurrent add and the next add merges them, so no acknowledged add is lost.");
    }
    List<String> out = new ArrayList<>();
    out.add("no anomaly this time, which does not make this configuration safe.");
    if (s.abd() && s.register()) out.add(abdNeeds(s));
    if (s.overlap() && s.sloppy()) {
      out.add("a sloppy quorum takes over only after the failure detector convicts a node (5-9 s without a heartbeat): "
          + "try --nemesis-interval 20 --time-limit 120, or --nemesis all.");
    } else {
      out.add("try a longer --time-limit or --nemesis all" + (s.overlap() ? ", or W=1 R=1 to see what it can lose." : "."));
    }
    return out;
  }

  /** What abd needs to be linearizable, and what this configuration lacks of it. */
  private static String abdNeeds(Settings s) {
    List<String> missing = new ArrayList<>();
    if (!s.overlap()) missing.add("W + R = " + (s.w() + s.r()) + " <= N = " + s.n());
    if (s.sloppy()) missing.add("the quorum is sloppy");
    if (!s.blockingReadRepair()) missing.add("read repair is " + s.readRepair());
    String lacks = missing.isEmpty() ? "" : "; here " + String.join(", ", missing);
    return "abd is linearizable only when every write quorum meets every read quorum and every tag-read quorum "
        + "(W + R > N), with strict quorums and blocking read repair" + lacks + ".";
  }

  private static String readModifyWrite(Settings s) {
    String op = "set".equals(s.workload()) ? "add" : "append";
    if (s.siblings()) {
      return "siblings keep concurrent writes, but the " + s.workload() + " workload's " + op + " is a get and then a put, "
          + "not atomic, and can still reorder or hide them.";
    }
    return "the " + s.workload() + " workload's " + op + " is a get and then a put: " + s.conflicts() + " keeps one version, "
        + "so two clients that each read the value and wrote it back with their change overwrite each other, "
        + "acknowledged or not" + (s.abd() ? " (abd makes single reads and writes linearizable, not the pair)." : ".");
  }

  /**
   * The settings the lessons depend on, as spec.json spells them.
   *
   * @param quorum "sloppy" or "strict"
   * @param readRepair "off", "async" or "blocking"
   * @param conflicts "siblings", "lww" or "abd"
   */
  record Settings(String workload, int n, int w, int r, String quorum, String readRepair, String conflicts) {
    /** Empty when the spec lacks any of them (a run written by another tool). */
    static Optional<Settings> of(String workload, Map<String, Object> spec) {
      if (!(spec.get("n") instanceof Number n) || !(spec.get("w") instanceof Number w) || !(spec.get("r") instanceof Number r)) {
        return Optional.empty();
      }
      Object quorum = spec.get("quorum");
      Object readRepair = spec.get("read-repair");
      Object conflicts = spec.get("conflicts");
      if (workload == null || quorum == null || readRepair == null || conflicts == null) return Optional.empty();
      return Optional.of(new Settings(workload, n.intValue(), w.intValue(), r.intValue(), quorum.toString(),
          readRepair.toString(), conflicts.toString()));
    }

    boolean overlap() {
      return w + r > n;
    }

    boolean sloppy() {
      return "sloppy".equals(quorum);
    }

    boolean blockingReadRepair() {
      return "blocking".equals(readRepair);
    }

    boolean abd() {
      return "abd".equals(conflicts);
    }

    boolean lww() {
      return "lww".equals(conflicts);
    }

    boolean siblings() {
      return "siblings".equals(conflicts);
    }

    boolean register() {
      return "register".equals(workload);
    }

    /** What the register workload's checkers test is what this configuration promises. */
    boolean promisesLinearizability() {
      return register() && abd() && overlap() && !sloppy() && blockingReadRepair();
    }
  }
}
