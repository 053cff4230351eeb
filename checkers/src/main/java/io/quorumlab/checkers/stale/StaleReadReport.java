package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stale-read checker's findings as a {@link CheckResult}: verdict, summary, explanation, details. */
final class StaleReadReport {
  private static final int EXAMPLES = 20;
  private static final int SHOWN = 3;

  /**
   * What the checker found in the whole history.
   *
   * @param reads completed reads
   * @param judged reads whose value a writer or the initial value accounts for
   * @param unaccounted reads of a value nothing wrote
   * @param knownWrites writes that became known (acknowledged or observed)
   * @param timed whether the history has times
   */
  record Findings(List<StaleRead> stale, List<LateEffect> late, long reads, long judged, long unaccounted, long knownWrites, boolean timed) {}

  private StaleReadReport() {}

  static CheckResult result(Findings f) {
    List<StaleRead> stale = f.stale();
    long maxMs = stale.stream().mapToLong(StaleRead::stalenessMs).max().orElse(0);
    int maxVersions = stale.stream().mapToInt(StaleRead::missedVersions).max().orElse(0);
    boolean measured = f.timed() && stale.stream().allMatch(s -> s.stalenessNanos() >= 0);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reads", f.reads());
    details.put("judged-reads", f.judged());
    details.put("reads-of-unwritten-values", f.unaccounted());
    details.put("stale-reads", (long) stale.size());
    if (measured) details.put("max-staleness-ms", maxMs);
    details.put("max-staleness-versions", (long) maxVersions);
    Map<String, Long> perKey = new LinkedHashMap<>();
    for (StaleRead s : stale) perKey.merge(String.valueOf(s.key()), 1L, Long::sum);
    details.put("stale-reads-per-key", perKey);
    details.put("examples", examples(stale).stream().map(StaleRead::toMap).toList());
    List<LateEffect> late = latestFirst(f.late());
    details.put("late-effects", (long) late.size());
    details.put("late-effect-examples", late.subList(0, Math.min(EXAMPLES, late.size())).stream().map(LateEffect::toMap).toList());

    List<String> explanation = new ArrayList<>();
    Verdict verdict;
    String summary;
    if (!stale.isEmpty()) {
      verdict = Verdict.INVALID;
      String behind = (measured ? maxMs + " ms and " : "") + maxVersions + " version" + (maxVersions == 1 ? "" : "s") + " behind";
      summary = stale.size() + " stale read" + (stale.size() == 1 ? "" : "s") + " of " + f.reads() + ", up to " + behind
          + (measured ? "" : " (the history has no :time, so how long they were stale is unknown)");
      explanation.add(stale.size() + " of " + f.reads() + " reads returned a value although a newer write, begun after that value's "
          + "writes were acknowledged, was known (acknowledged, or seen by another op) before the read began (at most " + behind + "):");
      for (StaleRead s : examples(stale).subList(0, Math.min(SHOWN, stale.size()))) explanation.add("  " + s.explain());
    } else if (f.judged() == 0) {
      verdict = Verdict.UNKNOWN;
      summary = "nothing to judge: " + (f.reads() == 0 ? "the history has no completed reads"
          : "none of the " + f.reads() + " reads returned a value that a write or the initial value accounts for");
    } else if (f.knownWrites() == 0) {
      verdict = Verdict.UNKNOWN;
      summary = "nothing to judge: no write was acknowledged or seen by a read, so no read could have missed one";
    } else {
      verdict = Verdict.VALID;
      summary = "no stale reads among " + f.reads() + " reads" + (late.isEmpty() ? "" : "; " + late.size() + " timed-out write"
          + (late.size() == 1 ? "" : "s") + " took effect after " + (late.size() == 1 ? "its client" : "their clients") + " gave up");
    }
    if (!late.isEmpty()) {
      explanation.add(late.size() + " write" + (late.size() == 1 ? "" : "s") + " that timed out (info) took effect after "
          + (late.size() == 1 ? "its client" : "their clients") + " gave up, as an indeterminate write may: a read that returns "
          + "such a write after newer ones is not stale:");
      for (LateEffect e : late.subList(0, Math.min(SHOWN, late.size()))) explanation.add("  " + e.explain());
    }
    if (f.unaccounted() > 0) {
      explanation.add(f.unaccounted() + " read" + (f.unaccounted() == 1 ? "" : "s") + " returned a value that no write wrote; "
          + "the linearizability checker judges those");
    }
    Map<String, Long> anomalies = stale.isEmpty() ? Map.of() : Map.of(StaleReadChecker.NAME, (long) stale.size());
    return new CheckResult(StaleReadChecker.NAME, verdict, summary, explanation, anomalies, details, List.of());
  }

  /** The stalest read first (by time, then versions), then the rest in history order. */
  private static List<StaleRead> examples(List<StaleRead> stale) {
    List<StaleRead> ordered = new ArrayList<>(stale);
    ordered.sort(Comparator.comparingLong(s -> s.read().invokeIndex()));
    stale.stream().max(Comparator.comparingLong(StaleRead::stalenessNanos).thenComparingInt(StaleRead::missedVersions)).ifPresent(worst -> {
      ordered.remove(worst);
      ordered.add(0, worst);
    });
    return ordered.subList(0, Math.min(EXAMPLES, ordered.size()));
  }

  private static List<LateEffect> latestFirst(List<LateEffect> late) {
    List<LateEffect> ordered = new ArrayList<>(late);
    ordered.sort(Comparator.comparingLong(LateEffect::lateNanos).reversed());
    return ordered;
  }
}
