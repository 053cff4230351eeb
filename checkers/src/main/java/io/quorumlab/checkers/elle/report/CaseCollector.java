package io.quorumlab.checkers.elle.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects non-cyclic anomaly occurrences: counts all, keeps the first {@link Analysis#KEPT} per type. */
public class CaseCollector {
  private final Map<String, List<AnomalyCase>> cases = new LinkedHashMap<>();
  private final Map<String, Long> counts = new LinkedHashMap<>();

  public void add(AnomalyCase c) {
    long n = counts.merge(c.type(), 1L, Long::sum);
    if (n <= Analysis.KEPT) cases.computeIfAbsent(c.type(), t -> new ArrayList<>()).add(c);
  }

  public Map<String, List<AnomalyCase>> asMap() {
    return cases;
  }

  public Map<String, Long> counts() {
    return counts;
  }

  /** Builds a data map from alternating keys and values, skipping null values. */
  public static Map<String, Object> data(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) if (kv[i + 1] != null) m.put((String) kv[i], kv[i + 1]);
    return m;
  }
}
