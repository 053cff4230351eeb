package io.quorumlab.checkers.elle.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
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
  public static final String G_SINGLE_ITEM = "G-single-item";
  public static final String G_NONADJACENT_ITEM = "G-nonadjacent-item";
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

  /**
   * The cyclic anomaly bases the search looks for, in the order it tries them (most severe first).
   * Their anti-dependencies are all item edges: list-append and rw-register infer no predicate
   * reads. Elle searches G-single, G-nonadjacent and G2 as well, but keeps a cycle only when its
   * explainer classifies it so, which needs a predicate anti-dependency; for these workloads it
   * reports the item forms, which imply the plain ones.
   */
  public static final List<String> CYCLE_BASES = List.of(G0, G1C, G_SINGLE_ITEM, G_NONADJACENT_ITEM, G2_ITEM);

  /** Elle's cycle-types: every base it has a cycle spec for, with its -process and -realtime variants. */
  private static final Set<String> CYCLE_TYPES = cycleTypes(
      List.of(G0, G1C, G_SINGLE_ITEM, "G-single", G_NONADJACENT_ITEM, "G-nonadjacent", G2_ITEM, "G2"));

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
    g.linkAll("G-single-item", List.of("G-single", "G-single-item-process", "G-nonadjacent-item"));
    g.linkAll("G-single-item-process", List.of("G-single-process", "G-single-item-realtime", "G-nonadjacent-item-process"));
    g.linkAll("G-single-item-realtime", List.of("G-single-realtime", "G-nonadjacent-item-realtime"));
    g.linkAll("G-single", List.of("G-nonadjacent", "GSIb", "G-single-process"));
    g.linkAll("G-single-process", List.of("G-nonadjacent-process", "G-single-realtime"));
    g.linkAll("G-single-realtime", List.of("G-nonadjacent-realtime"));
    g.linkAll("G-nonadjacent-item", List.of("G-nonadjacent", "G2-item", "G-nonadjacent-item-process"));
    g.linkAll("G-nonadjacent-item-process", List.of("G-nonadjacent-process", "G2-item-process", "G-nonadjacent-item-realtime"));
    g.linkAll("G-nonadjacent-item-realtime", List.of("G2-item-realtime", "G-nonadjacent-realtime"));
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

  /** Every anomaly type the implication graph relates. */
  public static Set<String> implicationVertices() {
    return Collections.unmodifiableSet(IMPLIED.vertices());
  }

  /** Whether {@code type} is one of Elle's cycle types ("G1c", "G-single-item-realtime", "G2", ...). */
  public static boolean isCycleType(String type) {
    return CYCLE_TYPES.contains(type);
  }

  private static Set<String> cycleTypes(List<String> bases) {
    Set<String> types = new LinkedHashSet<>();
    for (String base : bases) {
      for (String variant : List.of("", "process", "realtime")) types.add(withVariant(base, variant));
    }
    return Set.copyOf(types);
  }

  public static boolean isCycleExistsType(String type) {
    return type.endsWith("-cycle-exists");
  }
}
