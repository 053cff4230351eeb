package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.model.ConsistencyModels;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an Elle checker judges a history.
 *
 * @param consistencyModels the models the history should satisfy (Elle's names:
 *     "strict-serializable", "snapshot-isolation", "read-committed", ...); any anomaly one of them
 *     proscribes makes the history invalid
 * @param anomalies further anomaly types that make it invalid ("G2-item", ...), with every type that
 *     implies one of them (asking for "G-single" catches the "G-single-item" these workloads report)
 * @param cycleSearchBudget how long to search one strongly connected component for cycles before
 *     reporting a timeout and falling back to the weakest cycle it must contain
 * @param wfrKeys rw-register: assume writes follow reads within a transaction (a read of x=1 then a
 *     write of x=2 puts 1 before 2 in x's version order)
 * @param sequentialKeys rw-register: assume each key is sequentially consistent (process order
 *     orders its versions)
 * @param linearizableKeys rw-register: assume each key is linearizable (realtime order orders its
 *     versions)
 * @param explained how many occurrences of each anomaly type the text explanation spells out (all
 *     are in the JSON details; .dot files are written for as many cycles per type)
 */
public record ElleOptions(
    List<String> consistencyModels,
    List<String> anomalies,
    Duration cycleSearchBudget,
    boolean wfrKeys,
    boolean sequentialKeys,
    boolean linearizableKeys,
    int explained) {

  public ElleOptions {
    consistencyModels = ConsistencyModels.validate(consistencyModels);
    anomalies = List.copyOf(anomalies);
    List<String> unknown = anomalies.stream()
        .filter(a -> !ConsistencyModels.allAnomalies().contains(a) && !AnomalyTypes.UNKNOWN_TYPES.contains(a)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown anomal" + (unknown.size() > 1 ? "ies " : "y ") + String.join(", ", unknown)
          + "; known anomalies: " + String.join(", ", ConsistencyModels.allAnomalies()));
    }
    if (cycleSearchBudget.isNegative()) throw new IllegalArgumentException("cycle search budget must not be negative");
    if (explained < 0) throw new IllegalArgumentException("explained must not be negative");
  }

  /** Strict serializability, 5 s per component, writes-follow-reads for registers. */
  public static ElleOptions defaults() {
    return new ElleOptions(List.of("strict-serializable"), List.of(), Duration.ofSeconds(5), true, false, false, 5);
  }

  /**
   * @throws IllegalArgumentException naming an unknown model
   */
  public ElleOptions withConsistencyModels(List<String> models) {
    return new ElleOptions(models, anomalies, cycleSearchBudget, wfrKeys, sequentialKeys, linearizableKeys, explained);
  }

  public ElleOptions withAnomalies(List<String> extra) {
    return new ElleOptions(consistencyModels, extra, cycleSearchBudget, wfrKeys, sequentialKeys, linearizableKeys, explained);
  }

  public ElleOptions withCycleSearchBudget(Duration budget) {
    return new ElleOptions(consistencyModels, anomalies, budget, wfrKeys, sequentialKeys, linearizableKeys, explained);
  }

  public ElleOptions withRegisterInference(boolean wfr, boolean sequential, boolean linearizable) {
    return new ElleOptions(consistencyModels, anomalies, cycleSearchBudget, wfr, sequential, linearizable, explained);
  }

  public ElleOptions withExplained(int n) {
    return new ElleOptions(consistencyModels, anomalies, cycleSearchBudget, wfrKeys, sequentialKeys, linearizableKeys, n);
  }

  /** The anomaly types that make a history invalid under these options. */
  public Set<String> prohibited() {
    Set<String> result = new TreeSet<>(ConsistencyModels.anomaliesProhibitedBy(consistencyModels));
    if (!anomalies.isEmpty()) result.addAll(AnomalyTypes.allImplying(anomalies));
    return result;
  }
}
