package io.quorumlab.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The report's tables: latency percentiles, availability, settings, files. */
final class TablesSection {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TablesSection() {}

  static String latency(LatencySummary read, LatencySummary write) {
    StringBuilder b = new StringBuilder("<table class=\"data\"><thead><tr><th>ok ops</th><th class=\"num\">count</th><th class=\"num\">mean</th>"
        + "<th class=\"num\">p50</th><th class=\"num\">p95</th><th class=\"num\">p99</th><th class=\"num\">p99.9</th><th class=\"num\">max</th></tr></thead><tbody>");
    latencyRow(b, "reads", read);
    latencyRow(b, "writes", write);
    return b.append("</tbody></table>").toString();
  }

  private static void latencyRow(StringBuilder b, String name, LatencySummary l) {
    b.append("<tr><td>").append(name).append("</td><td class=\"num\">").append(Html.count(l.count())).append("</td>");
    for (double v : new double[] {l.mean(), l.p50(), l.p95(), l.p99(), l.p999(), l.max()}) {
      b.append("<td class=\"num\">").append(l.count() == 0 ? "&ndash;" : Html.ms(v) + " ms").append("</td>");
    }
    b.append("</tr>");
  }

  static String availability(Map<String, Outcomes> groups) {
    StringBuilder b = new StringBuilder("<table class=\"data\"><thead><tr><th>ops</th><th class=\"num\">total</th><th class=\"num\">ok</th>"
        + "<th class=\"num\">fail</th><th class=\"num\">info</th><th class=\"bar-col\">share</th></tr></thead><tbody>");
    for (Map.Entry<String, Outcomes> e : groups.entrySet()) {
      Outcomes o = e.getValue();
      b.append("<tr><td>").append(HtmlText.escape(e.getKey())).append("</td><td class=\"num\">").append(Html.count(o.total()))
          .append("</td><td class=\"num\">").append(Html.count(o.ok())).append(" <small>").append(Html.pct(o.okShare())).append("</small>")
          .append("</td><td class=\"num\">").append(Html.count(o.fail())).append(" <small>").append(Html.pct(o.failShare())).append("</small>")
          .append("</td><td class=\"num\">").append(Html.count(o.info())).append(" <small>").append(Html.pct(o.infoShare())).append("</small>")
          .append("</td><td class=\"bar-col\"><div class=\"stack\">");
      if (o.total() > 0) {
        seg(b, "ok", o.okShare());
        seg(b, "fail", o.failShare());
        seg(b, "info", o.infoShare());
      }
      b.append("</div></td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static void seg(StringBuilder b, String cls, double share) {
    if (share <= 0) return;
    b.append("<span class=\"seg seg-").append(cls).append("\" style=\"width:").append(String.format(java.util.Locale.ROOT, "%.2f%%", share * 100)).append("\"></span>");
  }

  /** Every option of the run as key/value rows; long specs split into two columns. */
  static String settings(String workload, String backend, Map<String, Object> spec) {
    List<Map.Entry<String, Object>> rows = new ArrayList<>();
    if (!spec.containsKey("workload")) rows.add(Map.entry("workload", String.valueOf(workload)));
    if (!spec.containsKey("backend")) rows.add(Map.entry("backend", String.valueOf(backend)));
    for (Map.Entry<String, Object> e : spec.entrySet()) rows.add(new java.util.AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
    if (rows.size() <= 8) return kv(rows);
    int half = (rows.size() + 1) / 2;
    return "<div class=\"settings-grid\">" + kv(rows.subList(0, half)) + kv(rows.subList(half, rows.size())) + "</div>";
  }

  private static String kv(List<Map.Entry<String, Object>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"data kv\"><tbody>");
    for (Map.Entry<String, Object> e : rows) row(b, e.getKey(), e.getValue());
    return b.append("</tbody></table>").toString();
  }

  private static void row(StringBuilder b, String key, Object value) {
    b.append("<tr><th>").append(HtmlText.escape(key)).append("</th><td><code>").append(HtmlText.escape(render(value))).append("</code></td></tr>");
  }

  private static String render(Object v) {
    if (v == null) return "null";
    if (v instanceof String || v instanceof Number || v instanceof Boolean) return String.valueOf(v);
    try {
      return JSON.writeValueAsString(v);
    } catch (JsonProcessingException e) {
      return String.valueOf(v);
    }
  }

  /** The run directory's files, linked relatively so the report works wherever the run is copied. */
  static String files(Path runDir) {
    List<String> names = new ArrayList<>();
    for (String f : List.of(RunDirectory.SPEC, RunDirectory.HISTORY, RunDirectory.RESULTS, RunDirectory.MESSAGES)) {
      if (Files.exists(runDir.resolve(f))) names.add(f);
    }
    Path nodes = runDir.resolve(RunDirectory.NODES);
    if (Files.isDirectory(nodes)) {
      try (Stream<Path> s = Files.list(nodes)) {
        s.filter(Files::isRegularFile).map(p -> RunDirectory.NODES + "/" + p.getFileName()).sorted().forEach(names::add);
      } catch (IOException unreadable) {
        names.add(RunDirectory.NODES + "/");
      }
    }
    if (names.isEmpty()) return "<p class=\"muted\">No other files in the run directory.</p>";
    StringBuilder b = new StringBuilder("<ul class=\"files\">");
    for (String n : names) {
      long size = -1;
      try {
        size = Files.size(runDir.resolve(n));
      } catch (IOException ignored) {
        // Shown without a size.
      }
      b.append("<li><a href=\"").append(HtmlText.href(n)).append("\">").append(HtmlText.escape(n)).append("</a>");
      if (size >= 0) b.append(" <small class=\"muted\">").append(humanBytes(size)).append("</small>");
      b.append("</li>");
    }
    return b.append("</ul>").toString();
  }

  private static String humanBytes(long n) {
    if (n < 1024) return n + " B";
    if (n < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f KB", n / 1024.0);
    return String.format(java.util.Locale.ROOT, "%.1f MB", n / (1024.0 * 1024));
  }
}
