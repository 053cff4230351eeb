package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.elle.cycle.Cycle;
import io.quorumlab.checkers.elle.graph.Edges;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.report.DotWriter;
import io.quorumlab.checkers.elle.report.OrderExplainer;
import io.quorumlab.checkers.elle.report.Render;
import io.quorumlab.checkers.elle.report.Step;
import io.quorumlab.checkers.elle.txn.Txns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders witness cycles: JSON, sentences, and .dot files for the types that make the history
 * invalid (as Elle plots only the anomalies it reports).
 */
final class CycleWriter {
  private final Analysis analysis;
  private final ElleOptions options;
  private final Path outDir;
  private final Set<String> plotted;
  private final OrderExplainer order;
  private final Map<String, Integer> perType = new LinkedHashMap<>();

  CycleWriter(Analysis analysis, ElleOptions options, Path outDir, String checker) {
    this.analysis = analysis;
    this.options = options;
    this.outDir = outDir == null ? null : outDir.resolve(checker);
    this.plotted = options.prohibited();
    this.order = new OrderExplainer(analysis.txns());
  }

  Map<String, Object> describe(Cycle c, int sccSize, Map<String, List<String>> text, List<Path> artifacts) {
    Txns txns = analysis.txns();
    int k = c.length();
    List<Object> ops = new ArrayList<>();
    List<Object> steps = new ArrayList<>();
    List<String> sentences = new ArrayList<>();
    List<String> edgeLabels = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      int a = c.txns()[i];
      int b = c.txns()[(i + 1) % k];
      int type = c.types()[i];
      Step s = (type & Edges.DATA) != 0 ? analysis.explainer().explain(a, b, type) : order.explain(a, b, type);
      if (s == null) s = new Step(type, Map.of("type", Edges.name(type)), "{a} precedes {b} by a " + Edges.name(type) + " dependency");
      String sentence = s.sentence("T" + (i + 1), "T" + ((i + 1) % k + 1));
      if (i == k - 1) sentence += ": a cycle";
      sentences.add(sentence);
      Map<String, Object> step = new LinkedHashMap<>(s.data());
      step.put("explanation", sentence);
      steps.add(step);
      ops.add(Render.txn(txns, a));
      Object key = s.data().get("key");
      edgeLabels.add(Edges.name(type) + (key == null ? "" : " " + Render.value(key)));
    }
    ops.add(ops.get(0));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", c.type());
    data.put("cycle", ops);
    data.put("steps", steps);
    data.put("scc-size", sccSize);
    int n = perType.merge(c.type(), 1, Integer::sum);
    if (n <= options.explained()) {
      List<String> lines = text.computeIfAbsent(c.type(), t -> new ArrayList<>());
      lines.add(c.type() + " #" + n + ", in a strongly connected component of " + sccSize + " transactions:");
      for (int i = 0; i < k; i++) lines.add("  T" + (i + 1) + " = " + Render.txnText(txns, c.txns()[i]));
      for (String s : sentences) lines.add("  - " + s);
      if (outDir != null && plotted.contains(c.type())) {
        List<DotWriter.Node> nodes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
          int t = c.txns()[i];
          nodes.add(new DotWriter.Node("T" + (i + 1), "op " + txns.opIndex(t) + ", process " + txns.process[t] + "\n"
              + Render.value(txns.mops[t], 6)));
        }
        try {
          List<Path> files = DotWriter.write(outDir.resolve(c.type()).resolve(c.type() + "-" + n + ".dot"), c.type() + " #" + n, nodes, edgeLabels);
          artifacts.addAll(files);
          data.put("dot", files.get(0).toString());
          lines.add("  (graph: " + files.get(files.size() - 1).getFileName() + ")");
        } catch (IOException e) {
          lines.add("  (could not write the .dot file: " + e.getMessage() + ")");
        }
      }
    }
    return data;
  }
}
