package io.quorumlab.checkers.elle.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Anomaly names and which anomalies imply which (G0 implies G1c, an internal inconsistency implies
 * G1a, ...), after Adya and Elle's {@code elle.consistency-model/implied-anomalies}.
 */
public final class AnomalyTypes {
  private AnomalyTypes() {}

  public static final String G0 = "G0";
  public static final String G1A = "G1a";
  public static final String G1B = "G1b";
  public static final String G1C = "G1c";
  public static final String G_SINGLE = "G-single";
  public static final String G_NONADJACENT = "G-nonadjacent";
  public static final String G2_ITEM = "G2-item";
  public static final String INTERNAL = "internal";
  public static final String FUTURE_READ = "future-read";
  public static final String DIRTY_UPDATE = "dirty-update";
  public static final String DUPLICATE_ELEMENTS = "duplicate-elements";
  public static final String INCOMPATIBLE_ORDER = "incompatible-order";
  public static final String LOST_UPDATE = "lost-update";
  public static final String GARBAGE_READ = "garbage-read";
  public static final String CYCLIC_VERSIONS = "cyclic-versions";
  /** Unknown-making: the cycle search of a component ran out of budget. */
  public static final String CYCLE_SEARCH_TIMEOUT = "cycle-search-timeout";
  /** Unknown-making: no committed or indeterminate transaction to judge. */
  public static final String EMPTY_TRANSACTION_GRAPH = "empty-transaction-graph";

  /** Anomalies that make a result unknown rather than invalid. */
  public static final Set<String> UNKNOWN_TYPES = Set.of(CYCLE_SEARCH_TIMEOUT, EMPTY_TRANSACTION_GRAPH);

  /** The cyclic anomaly bases, in the order the search tries them (most severe first). */
  public static final List<String> CYCLE_BASES = List.of(G0, G1C, G_SINGLE, G_NONADJACENT, G2_ITEM);

  private static final Dag IMPLIED = new Dag();

  static {
    Dag g = IMPLIED;
    g.linkAll("G0", List.of("G1c", "G0-process"));
    g.linkAll("G0-process", List.of("G1c-process", "G0-realtime"));
    g.linkAll("G0-realtime", List.of("G1c-realtime"));
    g.linkAll("G1a", List.of("G1"));
    g.linkAll("G1b", List.of("G1"));
    g.linkAll("G1c", List.of("G1", "G1c-process"));
    g.linkAll("G1c-process", List.of("G1c-realtime", "G1-process"));
    g.linkAll("G1c-realtime", List.of("G1-realtime"));
    g.linkAll("G1", List.of("G1-process"));
    g.linkAll("G1-process", List.of("G1-realtime"));
    g.linkAll("G-single", List.of("G-nonadjacent", "GSIb", "G-single-process"));
    g.linkAll("G-single-process", List.of("G-nonadjacent-process", "G-single-realtime"));
    g.linkAll("G-single-realtime", List.of("G-nonadjacent-realtime"));
    g.linkAll("G-nonadjacent", List.of("G2", "G-nonadjacent-process"));
    g.linkAll("G-nonadjacent-process", List.of("G2-process", "G-nonadjacent-realtime"));
    g.linkAll("G-nonadjacent-realtime", List.of("G2-realtime"));
    g.linkAll("G2", List.of("G2-process"));
    g.linkAll("G2-item", List.of("G2", "G2-item-process"));
    g.linkAll("G2-item-process", List.of("G2-process", "G2-item-realtime"));
    g.linkAll("G2-item-realtime", List.of("G2-realtime"));
    g.linkAll("G2-process", List.of("G2-realtime"));
    g.linkAll("GSIa", List.of("GSI"));
    g.linkAll("GSIb", List.of("GSI"));
    g.linkAll("incompatible-order", List.of("G1a"));
    g.linkAll("future-read", List.of("G1c"));
    g.linkAll("dirty-update", List.of("G1a"));
    g.linkAll("lost-update", List.of("write-skew", "G2-item"));
    g.linkAll("write-skew", List.of("G2"));
  }

  /** The anomalies implied by {@code anomalies}, themselves included. */
  public static Set<String> allImplied(Collection<String> anomalies) {
    return IMPLIED.downstream(anomalies);
  }

  /** The anomalies that imply any of {@code anomalies}, themselves included. */
  public static Set<String> allImplying(Collection<String> anomalies) {
    return IMPLIED.upstream(anomalies);
  }

  /** "G2-item-realtime" for base "G2-item" and variant "realtime"; the base for variant "". */
  public static String withVariant(String base, String variant) {
    return variant.isEmpty() ? base : base + "-" + variant;
  }

  public static boolean isCycleType(String type) {
    for (String base : CYCLE_BASES) {
      if (type.equals(base) || type.equals(base + "-process") || type.equals(base + "-realtime")) return true;
    }
    return false;
  }

  public static boolean isCycleExistsType(String type) {
    return type.endsWith("-cycle-exists");
  }
}
