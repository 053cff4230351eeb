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
 * per key): a read that returned the value of write A although a write B had been acknowledged
 * before the read began, and B began after A was acknowledged. Real-time order alone makes B newer
 * than A there, so no correct register (and no "W + R > N" quorum, as the textbook promises) can
 * return A; writes whose order is ambiguous (concurrent, or not acknowledged) never count.
 *
 * <p>How stale: in versions, the number of acknowledged writes the read missed; in time, from the
 * acknowledgement of the first write it missed to the read's start. A read of the initial value
 * (nothing) missed every write acknowledged before it began. A read of a value no write wrote is left
 * to the linearizability checker.
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
    List<Operation> acked = new ArrayList<>();
    for (Operation o : ops) {
      if (!WRITE.equals(o.f())) continue;
      if (o.invoke().value() instanceof Number n) writeOf.put(n.longValue(), o);
      if (o.isOk()) acked.add(o);
    }
    acked.sort(Comparator.comparingLong(Operation::completeIndex));
    List<StaleRead> result = new ArrayList<>();
    for (Operation read : ops) {
      if (!READ.equals(read.f()) || !read.isOk()) continue;
      Object v = read.completion().value();
      long valueAcked;
      Operation source = null;
      if (v == null) {
        valueAcked = -1;
      } else if (v instanceof Number n && writeOf.containsKey(n.longValue())) {
        source = writeOf.get(n.longValue());
        valueAcked = source.completeIndex();
      } else {
        continue;
      }
      Operation firstMissed = null;
      int missed = 0;
      for (Operation w : acked) {
        if (w.completeIndex() >= read.invokeIndex()) break;
        if (w.invokeIndex() > valueAcked) {
          if (firstMissed == null) firstMissed = w;
          missed++;
        }
      }
      if (firstMissed == null) continue;
      long readStart = read.invoke().time();
      long ackTime = firstMissed.completion().time();
      long staleness = readStart >= 0 && ackTime >= 0 ? readStart - ackTime : -1;
      result.add(new StaleRead(key, read.invoke(), read.completion(), source == null ? null : source.completion(),
          firstMissed.completion(), missed, staleness));
    }
    return result;
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
    explanation.add(stale.size() + " of " + reads + " reads returned a value older than a write acknowledged before the read began "
        + "(at most " + maxMs + " ms and " + maxVersions + " versions behind):");
    for (StaleRead s : examples(stale).subList(0, Math.min(3, stale.size()))) explanation.add("  " + s.explain());
    String summary = stale.size() + " stale reads of " + reads + ", up to " + maxMs + " ms and " + maxVersions + " versions behind";
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
