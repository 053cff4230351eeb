package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds stale reads of registers (ops {@code read} and {@code write}, per key, written values unique
 * per key): a read that returned the value of write A although a newer write B was already known
 * before the read began, known meaning acknowledged to its client or returned by another read that
 * had completed. B is newer when it began after A was acknowledged: real-time order alone makes it
 * so, so no correct register (and no "W + R > N" quorum, as the textbook promises) can return A;
 * writes whose order is ambiguous (concurrent, or A never acknowledged) never count. The second kind
 * of knowledge catches what the first misses under faults: a write that timed out (indeterminate)
 * but that one reader already saw, and a later reader did not.
 *
 * <p>How stale: in versions, the number of such newer writes the read missed; in time, from the
 * moment the first of them became known to the read's start. A read of the initial value (nothing)
 * missed every write known before it began. A read of a value no write wrote is left to the
 * linearizability checker.
 */
public final class StaleReadChecker implements Checker {
  public static final String NAME = "stale-read";
  static final String READ = "read";
  static final String WRITE = "write";
  private static final int EXAMPLES = 20;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public CheckResult check(History history, CheckContext context) {
    List<StaleRead> stale = new ArrayList<>();
    long reads = 0;
    for (Map.Entry<Object, List<Operation>> e : history.operationsByKey().entrySet()) {
      reads += e.getValue().stream().filter(o -> READ.equals(o.f()) && o.isOk()).count();
      stale.addAll(checkKey(e.getKey(), e.getValue()));
    }
    return result(stale, reads);
  }

  private static List<StaleRead> checkKey(Object key, List<Operation> ops) {
    Map<Long, Operation> writeOf = new HashMap<>();
    for (Operation o : ops) {
      if (WRITE.equals(o.f()) && o.invoke().value() instanceof Number n) writeOf.put(n.longValue(), o);
    }
    Map<Long, Known> known = new HashMap<>();
    for (Operation o : ops) {
      if (WRITE.equals(o.f()) && o.isOk()) known.merge(((Number) o.invoke().value()).longValue(), Known.of(o, o.completion(), "acknowledged"), Known::earlier);
      if (READ.equals(o.f()) && o.isOk() && o.completion().value() instanceof Number n && writeOf.containsKey(n.longValue())) {
        known.merge(n.longValue(), Known.of(writeOf.get(n.longValue()), o.completion(), "read"), Known::earlier);
      }
    }
    List<Known> byKnownAt = new ArrayList<>(known.values());
    byKnownAt.sort(Comparator.comparingLong(k -> k.at().index()));
    List<StaleRead> result = new ArrayList<>();
    for (Operation read : ops) {
      if (!READ.equals(read.f()) || !read.isOk()) continue;
      Object v = read.completion().value();
      long valueAcked;
      if (v == null) {
        valueAcked = -1;
      } else if (v instanceof Number n && writeOf.containsKey(n.longValue())) {
        valueAcked = writeOf.get(n.longValue()).completeIndex();
      } else {
        continue;
      }
      Known firstMissed = null;
      int missed = 0;
      for (Known k : byKnownAt) {
        if (k.at().index() >= read.invokeIndex()) break;
        if (k.write().invokeIndex() > valueAcked) {
          if (firstMissed == null) firstMissed = k;
          missed++;
        }
      }
      if (firstMissed == null) continue;
      long readStart = startOf(read.invoke());
      long knownTime = firstMissed.at().time();
      long staleness = readStart >= 0 && knownTime >= 0 ? Math.max(0, readStart - knownTime) : -1;
      result.add(new StaleRead(key, read.invoke(), read.completion(), firstMissed.write().invoke().value(), firstMissed.at(),
          firstMissed.how(), missed, staleness));
    }
    return result;
  }

  /**
   * When an op really began: its {@code sent} time where the history has one (quorumlab's open-loop
   * load generator records the scheduled send time as {@code time} and the actual one as
   * {@code sent} when they differ), else its {@code time}.
   */
  static long startOf(io.quorumlab.checkers.history.Op invoke) {
    return invoke.extra().get("sent") instanceof Number n ? n.longValue() : invoke.time();
  }

  /** When a write's value first became known: its acknowledgement, or the end of a read that returned it. */
  private record Known(Operation write, io.quorumlab.checkers.history.Op at, String how) {
    static Known of(Operation write, io.quorumlab.checkers.history.Op at, String how) {
      return new Known(write, at, how);
    }

    static Known earlier(Known a, Known b) {
      return a.at().index() <= b.at().index() ? a : b;
    }
  }

  private static CheckResult result(List<StaleRead> stale, long reads) {
    long maxMs = stale.stream().mapToLong(StaleRead::stalenessMs).max().orElse(0);
    int maxVersions = stale.stream().mapToInt(StaleRead::missedVersions).max().orElse(0);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reads", reads);
    details.put("stale-reads", (long) stale.size());
    details.put("max-staleness-ms", maxMs);
    details.put("max-staleness-versions", (long) maxVersions);
    Map<String, Long> perKey = new LinkedHashMap<>();
    for (StaleRead s : stale) perKey.merge(String.valueOf(s.key()), 1L, Long::sum);
    details.put("stale-reads-per-key", perKey);
    details.put("examples", examples(stale).stream().map(StaleRead::toMap).toList());
    if (stale.isEmpty()) {
      return new CheckResult(NAME, Verdict.VALID, "no stale reads among " + reads + " reads", List.of(), Map.of(), details, List.of());
    }
    List<String> explanation = new ArrayList<>();
    explanation.add(stale.size() + " of " + reads + " reads returned a value older than a write known (acknowledged, or returned "
        + "by another read) before the read began (at most " + maxMs + " ms and " + maxVersions + " version" + (maxVersions == 1 ? "" : "s")
        + " behind):");
    for (StaleRead s : examples(stale).subList(0, Math.min(3, stale.size()))) explanation.add("  " + s.explain());
    String summary = stale.size() + " stale read" + (stale.size() == 1 ? "" : "s") + " of " + reads + ", up to " + maxMs + " ms and "
        + maxVersions + " version" + (maxVersions == 1 ? "" : "s") + " behind";
    return new CheckResult(NAME, Verdict.INVALID, summary, explanation, Map.of(NAME, (long) stale.size()), details, List.of());
  }

  /** The stalest read first (by time, then versions), then the rest in history order. */
  private static List<StaleRead> examples(List<StaleRead> stale) {
    List<StaleRead> ordered = new ArrayList<>(stale);
    ordered.sort(Comparator.comparingLong(s -> s.readInvoke().index()));
    StaleRead worst = stale.stream()
        .max(Comparator.comparingLong(StaleRead::stalenessNanos).thenComparingInt(StaleRead::missedVersions)).orElse(null);
    if (worst != null) {
      ordered.remove(worst);
      ordered.add(0, worst);
    }
    return ordered.subList(0, Math.min(EXAMPLES, ordered.size()));
  }
}
