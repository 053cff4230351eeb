package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.elle.cycle.Cycle;
import io.quorumlab.checkers.elle.cycle.SccSearch;
import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.model.AnomalyTypes;
import io.quorumlab.checkers.elle.model.ConsistencyModels;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.report.AnomalyCase;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.txn.Txns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The part of an Elle check shared by list-append and rw-register: cycle search over the
 * dependency graph, then Elle's result map (valid, anomaly-types, anomalies, not, also-not), the
 * text explanation and the .dot files.
 */
final class ElleCheck {
  private ElleCheck() {}

  /** Realtime edges if a realtime anomaly would count, else process edges if a process one would. */
  static int orderEdgesFor(ElleOptions options) {
    Set<String> reportable = options.prohibited();
    if (reportable.stream().anyMatch(a -> AnomalyTypes.isCycleType(a) && a.endsWith("-realtime"))) return Edges.REALTIME;
    if (reportable.stream().anyMatch(a -> AnomalyTypes.isCycleType(a) && a.endsWith("-process"))) return Edges.PROCESS;
    return 0;
  }

  static CheckResult run(String checker, Analysis analysis, ElleOptions options, CheckContext context, long startNanos) {
    Txns txns = analysis.txns();
    Map<String, List<Map<String, Object>>> cases = new TreeMap<>();
    Map<String, Long> counts = new TreeMap<>();
    Map<String, List<String>> text = new LinkedHashMap<>();
    List<Path> artifacts = new ArrayList<>();

    for (Map.Entry<String, List<AnomalyCase>> e : analysis.cases().entrySet()) {
      List<Map<String, Object>> list = cases.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      List<String> lines = text.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
      for (AnomalyCase c : e.getValue()) {
        list.add(c.data());
        if (lines.size() < options.explained()) lines.add(c.sentence());
      }
    }
    counts.putAll(analysis.counts());

    int graphTxns = 0;
    for (int t = 0; t < txns.count; t++) if (txns.inGraph(t)) graphTxns++;
    Map<String, Object> stats = new LinkedHashMap<>();
    if (EmptyTransactionGraph.holds(txns, analysis.graph())) {
      add(cases, counts, AnomalyTypes.EMPTY_TRANSACTION_GRAPH, Map.of("type", AnomalyTypes.EMPTY_TRANSACTION_GRAPH));
      text.computeIfAbsent(AnomalyTypes.EMPTY_TRANSACTION_GRAPH, k -> new ArrayList<>())
          .add(txns.count == 0 ? "the history has no transactions (client ops with f txn) to judge"
              : "no transaction of the " + txns.count + " depends on another or follows one in the order the models"
                  + " need, so there was no cycle to look for");
    }
    long globalDeadline = startNanos + context.timeBudget().toNanos();
    CycleFinder.Found found = CycleFinder.find(analysis.graph(), options, context, globalDeadline, checker);
    CycleWriter writer = new CycleWriter(analysis, options, context.outDir(), checker);
    for (CycleFinder.Component comp : found.components()) {
      SccSearch.Result r = comp.result();
      for (Cycle c : r.cycles()) {
        Map<String, Object> data = writer.describe(c, comp.txnCount(), text, artifacts);
        add(cases, counts, c.type(), data);
      }
      for (SccSearch.ExistsCase ex : r.exists()) {
        long[] ops = Arrays.stream(ex.txns()).mapToLong(txns::opIndex).sorted().toArray();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", ex.spec().anomalyType());
        data.put("not", ex.spec().friendlyModel());
        data.put("subgraph", ex.spec().subgraph());
        data.put("scc-size", ops.length);
        List<Long> shown = new ArrayList<>();
        for (int i = 0; i < Math.min(ops.length, 100); i++) shown.add(ops[i]);
        data.put("scc", shown);
        add(cases, counts, ex.spec().anomalyType(), data);
        List<String> lines = text.computeIfAbsent(ex.spec().anomalyType(), k -> new ArrayList<>());
        if (lines.size() < options.explained()) {
          lines.add("a cycle of " + ex.spec().subgraph() + " edges exists among " + ops.length + " transactions (ops "
              + Render.value(shown) + "), so the history is not " + ex.spec().friendlyModel());
        }
      }
      if (r.timeout() != null) {
        SccSearch.Timeout to = r.timeout();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", AnomalyTypes.CYCLE_SEARCH_TIMEOUT);
        data.put("anomaly-spec-type", to.specType());
        data.put("does-not-contain", to.doesNotContain());
        data.put("scc-size", to.sccSize());
        add(cases, counts, AnomalyTypes.CYCLE_SEARCH_TIMEOUT, data);
        text.computeIfAbsent(AnomalyTypes.CYCLE_SEARCH_TIMEOUT, k -> new ArrayList<>())
            .add("the cycle search in a component of " + to.sccSize() + " transactions ran out of budget ("
                + options.cycleSearchBudget().toMillis() + " ms) while looking for " + to.specType()
                + (to.doesNotContain().isEmpty() ? "" : "; it has no " + String.join(", ", to.doesNotContain()))
                + "; the weakest cycle it must contain is reported instead");
      }
    }
    stats(stats, txns.count, graphTxns, analysis.graph(), found, startNanos);
    return result(checker, options, cases, counts, text, artifacts, stats);
  }

  /**
   * The result of a check whose analysis found no anomaly and whose graph has no cycle and is not
   * empty (see {@link FastListAppend}): what {@link #run} makes of such a history.
   */
  static CheckResult clean(String checker, ElleOptions options, int txnCount, int graphTxns, TxnGraph graph, CycleFinder.Found found,
      long startNanos) {
    if (!found.components().isEmpty()) throw new IllegalArgumentException("the graph has cycles to describe");
    Map<String, Object> stats = new LinkedHashMap<>();
    stats(stats, txnCount, graphTxns, graph, found, startNanos);
    return result(checker, options, new TreeMap<>(), new TreeMap<>(), new LinkedHashMap<>(), new ArrayList<>(), stats);
  }

  private static void stats(Map<String, Object> stats, int txnCount, int graphTxns, TxnGraph graph, CycleFinder.Found found,
      long startNanos) {
    stats.put("transactions", txnCount);
    stats.put("graph-transactions", graphTxns);
    stats.put("edges", graph.edgeCount());
    stats.put("cyclic-components", found.nontrivial());
    stats.put("largest-component", found.largest());
    stats.put("elapsed-ms", (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static void add(Map<String, List<Map<String, Object>>> cases, Map<String, Long> counts, String type, Map<String, Object> data) {
    List<Map<String, Object>> list = cases.computeIfAbsent(type, k -> new ArrayList<>());
    if (list.size() < Analysis.KEPT) list.add(data);
    counts.merge(type, 1L, Long::sum);
  }

  /** Elle's result-map: which anomalies count, whether the history is valid, what it is not. */
  private static CheckResult result(String checker, ElleOptions options, Map<String, List<Map<String, Object>>> cases,
      Map<String, Long> counts, Map<String, List<String>> text, List<Path> artifacts, Map<String, Object> stats) {
    Set<String> all = counts.keySet();
    Set<String> prohibited = options.prohibited();
    Set<String> reportable = new TreeSet<>();
    for (String a : all) if (prohibited.contains(a) || AnomalyTypes.UNKNOWN_TYPES.contains(a)) reportable.add(a);
    // a proof that some cycle exists adds nothing when a concrete anomaly rules out the same model
    List<String> concrete = reportable.stream().filter(a -> !AnomalyTypes.isCycleExistsType(a)).toList();
    Set<String> ruledOut = ConsistencyModels.impossibleModels(concrete);
    reportable.removeIf(a -> AnomalyTypes.isCycleExistsType(a) && ruledOut.contains(a.substring(0, a.length() - "-cycle-exists".length())));
    boolean bad = all.stream().anyMatch(prohibited::contains);
    Verdict verdict = bad ? Verdict.INVALID : reportable.isEmpty() ? Verdict.VALID : Verdict.UNKNOWN;

    ConsistencyModels.Boundary boundary = ConsistencyModels.boundary(all);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("valid", verdict == Verdict.VALID ? Boolean.TRUE : verdict == Verdict.INVALID ? Boolean.FALSE : "unknown");
    details.put("anomaly-types", List.copyOf(reportable));
    Map<String, Object> shown = new LinkedHashMap<>();
    Map<String, Long> shownCounts = new LinkedHashMap<>();
    for (String a : reportable) {
      shown.put(a, cases.get(a));
      shownCounts.put(a, counts.get(a));
    }
    details.put("anomalies", shown);
    details.put("not", boundary.not());
    details.put("also-not", boundary.alsoNot());
    details.put("consistency-models", options.consistencyModels());
    Map<String, Long> others = new TreeMap<>(counts);
    others.keySet().removeAll(reportable);
    if (!others.isEmpty()) details.put("other-anomalies", others);
    details.put("stats", stats);

    List<String> explanation = new ArrayList<>();
    if (!reportable.isEmpty()) {
      for (String a : order(reportable)) {
        explanation.add(a + " (" + counts.get(a) + "): " + meaning(a));
        for (String line : text.getOrDefault(a, List.of())) explanation.add("  " + line);
        long hidden = counts.get(a) - Math.min(counts.get(a), options.explained());
        if (hidden > 0) explanation.add("  ... and " + hidden + " more (see the JSON details)");
      }
      if (!boundary.not().isEmpty()) {
        explanation.add("Not " + String.join(", ", boundary.not())
            + (boundary.alsoNot().isEmpty() ? "" : "; therefore also not " + String.join(", ", boundary.alsoNot())) + ".");
      }
    }
    StringBuilder summary = new StringBuilder(checker + ": " + verdict.wireName());
    if (!reportable.isEmpty()) {
      List<String> parts = new ArrayList<>();
      for (String a : order(reportable)) parts.add(a + " x" + counts.get(a));
      summary.append(" (").append(String.join(", ", parts)).append(")");
      if (!boundary.not().isEmpty()) summary.append("; not ").append(String.join(", ", boundary.not()));
    } else {
      summary.append(" under ").append(String.join(", ", options.consistencyModels()));
    }
    return new CheckResult(checker, verdict, summary.toString(), explanation, shownCounts, details, artifacts);
  }

  /** Cyclic types first, most severe first, then the rest by name. */
  private static List<String> order(Set<String> types) {
    List<String> result = new ArrayList<>();
    for (var spec : io.quorumlab.checkers.elle.cycle.CycleSpec.all()) if (types.contains(spec.name())) result.add(spec.name());
    for (String t : types) if (!result.contains(t)) result.add(t);
    return result;
  }

  static String meaning(String type) {
    String base = type.replace("-realtime", "").replace("-process", "");
    String variant = type.endsWith("-realtime") ? ", with realtime order" : type.endsWith("-process") ? ", with process order" : "";
    return switch (base) {
      case "G0" -> "write cycle: transactions overwrote each other's writes in a cycle" + variant;
      case "G1c" -> "cyclic information flow: transactions saw each other's writes in a cycle" + variant;
      case "G-single-item" -> "read skew: a dependency cycle with exactly one (item) anti-dependency" + variant;
      case "G-nonadjacent-item" -> "a dependency cycle whose (item) anti-dependencies are never adjacent" + variant;
      case "G2-item" -> "anti-dependency cycle (write skew): two or more anti-dependencies, some adjacent" + variant;
      case "G1a" -> "aborted read: a committed transaction read a value written by a failed one";
      case "G1b" -> "intermediate read: a transaction read a value another transaction then overwrote itself";
      case "internal" -> "internal inconsistency: a read disagrees with the transaction's own earlier reads and writes";
      case "future-read" -> "a transaction read a value it wrote only later";
      case "dirty-update" -> "a committed write was applied on top of a failed transaction's write";
      case "duplicate-elements" -> "a read shows an element more than once, though each was appended once";
      case "incompatible-order" -> "two reads of a key are not prefixes of one order of appends";
      case "lost-update" -> "several transactions read the same version of a key and all wrote it";
      case "garbage-read" -> "a read returned a value no transaction wrote";
      case "cyclic-versions" -> "the inferred version order of a key is cyclic";
      case "cycle-search-timeout" -> "the cycle search ran out of budget";
      case "empty-transaction-graph" -> "the dependency graph has no edges: nothing was checked";
      default -> type.endsWith("-cycle-exists") ? "a cycle the model forbids exists (proved without finding it)" : type;
    };
  }
}
