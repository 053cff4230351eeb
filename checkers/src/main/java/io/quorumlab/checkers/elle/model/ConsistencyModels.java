package io.quorumlab.checkers.elle.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The lattice of consistency models, after Elle's {@code elle.consistency-model} (sources: Adya;
 * Adya, Liskov and O'Neil; Bailis et al.; Cerone et al.; Daudjee and Salem; Fekete et al.): which
 * model implies which, and which anomalies each model proscribes. From it: the anomalies a set of
 * requested models prohibits, and the models a set of observed anomalies rules out.
 */
public final class ConsistencyModels {
  private ConsistencyModels() {}

  private static final Map<String, String> CANONICAL = new LinkedHashMap<>();
  private static final Map<String, String> FRIENDLY = new LinkedHashMap<>();
  private static final Dag MODELS = new Dag();
  private static final Dag PROSCRIBED = new Dag();
  private static final Set<String> ALL = new TreeSet<>();
  private static final Set<String> ANOMALIES = new TreeSet<>();

  static {
    String[][] names = {
      {"consistent-view", "PL-2+"},
      {"conflict-serializable", "PL-3"},
      {"cursor-stability", "PL-CS"},
      {"forward-consistent-view", "PL-FCV"},
      {"monotonic-snapshot-read", "PL-MSR"},
      {"monotonic-view", "PL-2L"},
      {"read-committed", "PL-2"},
      {"read-uncommitted", "PL-1"},
      {"repeatable-read", "PL-2.99"},
      {"serializable", "PL-3"},
      {"snapshot-isolation", "PL-SI"},
      {"strict-serializable", "PL-SS"},
      {"strong-serializable", "PL-SS"},
      {"update-serializable", "PL-3U"},
      {"strong-session-read-uncommitted", "strong-session-PL-1"},
      {"strong-session-read-committed", "strong-session-PL-2"},
      {"strong-read-uncommitted", "strong-PL-1"},
      {"strong-read-committed", "strong-PL-2"},
    };
    for (String[] n : names) {
      CANONICAL.put(n[0], n[1]);
      FRIENDLY.putIfAbsent(n[1], n[0]);
    }
    // Two canonical names have two friendly ones. Elle picks serializable for PL-3 explicitly; for
    // PL-SS its inverted map yields strong-serializable, which is what its boundaries report.
    FRIENDLY.put("PL-3", "serializable");
    FRIENDLY.put("PL-SS", "strong-serializable");

    model("causal-cerone", "read-atomic");
    model("consistent-view", "cursor-stability", "monotonic-view");
    model("conflict-serializable", "view-serializable");
    model("cursor-stability", "read-committed", "PL-2");
    model("forward-consistent-view", "consistent-view");
    model("PL-2", "PL-1");
    model("PL-3", "repeatable-read", "update-serializable");
    model("update-serializable", "forward-consistent-view");
    model("monotonic-atomic-view", "read-committed");
    model("monotonic-view", "PL-2");
    model("monotonic-snapshot-read", "PL-2");
    model("parallel-snapshot-isolation", "causal-cerone", "update-atomic");
    model("prefix", "causal-cerone");
    model("read-atomic", "monotonic-atomic-view");
    model("read-committed", "read-uncommitted");
    model("repeatable-read", "cursor-stability", "monotonic-atomic-view");
    model("update-atomic", "read-atomic");
    model("serializable", "repeatable-read", "snapshot-isolation", "view-serializable");
    model("session-serializable", "1SR");
    model("snapshot-isolation", "forward-consistent-view", "monotonic-atomic-view", "monotonic-snapshot-read",
        "parallel-snapshot-isolation", "prefix");
    model("strict-serializable", "PL-3", "serializable", "linearizable", "snapshot-isolation",
        "strong-snapshot-isolation", "strong-session-serializable");
    model("strong-session-PL-1", "PL-1");
    model("strong-session-PL-2", "PL-2", "strong-session-PL-1");
    model("strong-PL-1", "strong-session-PL-1");
    model("strong-PL-2", "strong-session-PL-2", "strong-PL-1");
    model("strong-session-serializable", "serializable", "strong-session-snapshot-isolation");
    model("strong-session-snapshot-isolation", "snapshot-isolation", "strong-session-PL-2");
    model("strong-serializable", "session-serializable");
    model("strong-snapshot-isolation", "strong-session-snapshot-isolation", "strong-PL-2");
    model("linearizable", "sequential");
    model("sequential", "causal");
    model("causal", "writes-follow-reads", "PRAM");
    model("PRAM", "monotonic-reads", "monotonic-writes", "read-your-writes");

    proscribes("causal-cerone", "internal", "G1a");
    proscribes("cursor-stability", "G1", "G-cursor", "lost-update");
    proscribes("monotonic-view", "G1", "G-monotonic");
    proscribes("monotonic-snapshot-read", "G1", "G-MSR");
    proscribes("consistent-view", "G1", "G-single");
    proscribes("forward-consistent-view", "G1", "G-SIb");
    proscribes("parallel-snapshot-isolation", "internal", "G1a");
    proscribes("PL-3", "G1", "G2", "predicate-read-miss", "PL-3-cycle-exists");
    proscribes("PL-2", "G1", "PL-2-cycle-exists");
    // A read of a value nobody wrote is no Adya history at all; every model proscribes it. Elle has
    // no such anomaly (list-append fails an assertion on it, rw-register ignores it).
    proscribes("PL-1", "G0", "duplicate-elements", "cyclic-versions", "garbage-read", "PL-1-cycle-exists");
    proscribes("prefix", "internal", "G1a");
    proscribes("serializable", "internal");
    proscribes("snapshot-isolation", "internal", "G1", "G-SI", "G-nonadjacent", "PL-SI-cycle-exists");
    proscribes("read-atomic", "internal", "G1a", "future-read");
    proscribes("repeatable-read", "G1", "G2-item", "PL-2.99-cycle-exists", "lost-update");
    proscribes("update-atomic", "lost-update");
    proscribes("strict-serializable", "G1", "G1c-realtime", "G2-realtime", "PL-SS-cycle-exists");
    proscribes("strong-session-PL-1", "strong-session-PL-1-cycle-exists", "G0-process");
    proscribes("strong-session-PL-2", "strong-session-PL-2-cycle-exists", "G1c-process");
    proscribes("strong-PL-1", "strong-PL-1-cycle-exists", "G0-realtime");
    proscribes("strong-PL-2", "strong-PL-2-cycle-exists", "G1c-realtime");
    proscribes("strong-session-snapshot-isolation", "internal", "G1-process", "G-nonadjacent-process",
        "strong-session-snapshot-isolation-cycle-exists");
    proscribes("strong-snapshot-isolation", "internal", "G1-realtime", "G-nonadjacent-realtime",
        "strong-snapshot-isolation-cycle-exists");
    proscribes("strong-session-serializable", "G1-process", "G2-process", "strong-session-serializable-cycle-exists");
    proscribes("update-serializable", "G1", "G-update");

    ANOMALIES.addAll(AnomalyTypes.implicationVertices());
    for (String m : PROSCRIBED.vertices()) ANOMALIES.addAll(PROSCRIBED.out(m));
    ALL.addAll(MODELS.vertices());
    ALL.addAll(CANONICAL.keySet());
    ALL.addAll(CANONICAL.values());
  }

  private static void model(String m, String... implied) {
    for (String i : implied) MODELS.link(canonical(m), canonical(i));
  }

  private static void proscribes(String m, String... anomalies) {
    for (String a : anomalies) PROSCRIBED.link(canonical(m), a);
  }

  /** The canonical name (Adya's where he has one): "serializable" -> "PL-3". */
  public static String canonical(String model) {
    return CANONICAL.getOrDefault(model, model);
  }

  /** The friendly name: "PL-3" -> "serializable". */
  public static String friendly(String model) {
    return FRIENDLY.getOrDefault(model, model);
  }

  /** Every model name this lattice knows, friendly and canonical. */
  public static Set<String> all() {
    return Collections.unmodifiableSet(ALL);
  }

  /** Every anomaly type the lattices know (Elle's all-anomalies, and garbage-read). */
  public static Set<String> allAnomalies() {
    return Collections.unmodifiableSet(ANOMALIES);
  }

  /**
   * @throws IllegalArgumentException naming the unknown models and listing the known ones
   */
  public static List<String> validate(Collection<String> models) {
    List<String> unknown = models.stream().filter(m -> !ALL.contains(m)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown consistency model" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
          + "; known models: " + String.join(", ", ALL));
    }
    return List.copyOf(models);
  }

  /** The models implied by {@code models} (weaker ones), themselves included, canonical. */
  public static Set<String> allImplied(Collection<String> models) {
    return MODELS.downstream(canonicalAll(validate(models)));
  }

  /** The models that cannot hold when {@code impossible} do not (stronger ones), canonical. */
  public static Set<String> allImpossible(Collection<String> impossible) {
    return MODELS.upstream(canonicalAll(validate(impossible)));
  }

  /** The anomalies that cannot be present if all of {@code models} hold. */
  public static Set<String> anomaliesProhibitedBy(Collection<String> models) {
    Set<String> direct = new LinkedHashSet<>();
    for (String m : allImplied(models)) direct.addAll(PROSCRIBED.out(m));
    return new TreeSet<>(AnomalyTypes.allImplying(direct));
  }

  /** The models (canonical) that cannot hold given that {@code anomalies} are present. */
  public static Set<String> impossibleModels(Collection<String> anomalies) {
    Set<String> models = new LinkedHashSet<>();
    for (String a : AnomalyTypes.allImplied(anomalies)) models.addAll(PROSCRIBED.in(a));
    return new TreeSet<>(MODELS.upstream(models));
  }

  /** The subset of {@code models} implied by all the others (Elle's weakest-models). */
  public static Set<String> weakest(Collection<String> models) {
    Set<String> ms = new LinkedHashSet<>(canonicalAll(models));
    for (String m : new ArrayList<>(ms)) {
      Set<String> others = new LinkedHashSet<>(ms);
      others.remove(m);
      Set<String> below = MODELS.downstream(List.of(m));
      below.remove(m);
      if (below.stream().anyMatch(others::contains)) ms = others;
    }
    return ms;
  }

  /**
   * Elle's boundary: {@code not} the weakest models the anomalies rule out, {@code alsoNot} the
   * other (stronger) models ruled out; friendly names, sorted.
   */
  public static Boundary boundary(Collection<String> anomalies) {
    Set<String> impossible = impossibleModels(anomalies);
    Set<String> not = weakest(impossible);
    Set<String> notFriendly = new TreeSet<>();
    for (String m : not) notFriendly.add(friendly(m));
    Set<String> alsoNot = new TreeSet<>();
    for (String m : impossible) if (!not.contains(m)) alsoNot.add(friendly(m));
    return new Boundary(List.copyOf(notFriendly), List.copyOf(alsoNot));
  }

  /** Models ruled out by a history: the weakest ones, and the stronger ones implied. */
  public record Boundary(List<String> not, List<String> alsoNot) {}

  private static List<String> canonicalAll(Collection<String> models) {
    return models.stream().map(ConsistencyModels::canonical).toList();
  }
}
