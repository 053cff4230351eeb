package io.quorumlab.results.report;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.LatencySummary;
import io.quorumlab.results.Lessons;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.RunMetrics;
import io.quorumlab.results.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The top of the page: the verdict in one sentence, and the figures a reader looks for first. */
final class SummarySection {
  private SummarySection() {}

  static String headline(RunResults r) {
    if (r.info().crashed()) {
      return "The run did not finish, so nothing can be concluded: " + r.info().error();
    }
    return switch (r.verdict()) {
      case VALID -> r.checks().size() == 1
          ? "The " + r.checks().get(0).name() + " checker found no anomaly in this history."
          : "None of the " + r.checks().size() + " checkers found an anomaly in this history.";
      case INVALID -> r.anomalies().isEmpty()
          ? "The history is not valid: " + invalidChecks(r) + "."
          : "Found " + Html.count(r.anomalyCount()) + " anomal" + (r.anomalyCount() == 1 ? "y" : "ies") + ": " + anomalyList(r.anomalies()) + ".";
      case UNKNOWN -> r.checks().isEmpty()
          ? "No checker ran, so nothing can be concluded."
          : "The checkers could not decide: " + r.checks().stream().filter(c -> c.verdict() == Verdict.UNKNOWN)
              .map(c -> c.name() + " (" + c.summary() + ")").collect(Collectors.joining("; ")) + ".";
    };
  }

  /** The {@link Lessons} as a list under the headline, the lines the console prints after "why". */
  static String why(RunResults r) {
    List<String> lines = Lessons.of(r);
    if (lines.isEmpty()) return "";
    StringBuilder b = new StringBuilder("<div class=\"why\"><div class=\"why-title\">Why</div><ul>");
    for (String line : lines) b.append("<li>").append(HtmlText.escape(line)).append("</li>");
    return b.append("</ul></div>").toString();
  }

  private static String invalidChecks(RunResults r) {
    return r.checks().stream().filter(c -> c.verdict() == Verdict.INVALID).map(CheckSummary::summary).collect(Collectors.joining("; "));
  }

  static String anomalyList(Map<String, Long> anomalies) {
    return anomalies.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .map(e -> Html.count(e.getValue()) + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }

  /** The configuration in one line, from the spec keys that are present. */
  static String configLine(Map<String, Object> spec) {
    List<String> parts = new ArrayList<>();
    Object n = get(spec, "n", "N");
    Object w = get(spec, "w", "W");
    Object r = get(spec, "r", "R");
    if (n != null || w != null || r != null) {
      parts.add("N=" + orDash(n) + " W=" + orDash(w) + " R=" + orDash(r));
    }
    Object nodes = get(spec, "nodes");
    if (nodes != null) parts.add(nodes + " nodes");
    addIf(parts, spec, "conflicts", "");
    addIf(parts, spec, "quorum", " quorum");
    addIf(parts, spec, "read-repair", "", "read repair ");
    addIf(parts, spec, "fsync", "", "fsync ");
    addIf(parts, spec, "nemesis", "", "nemesis ");
    addIf(parts, spec, "rate", " ops/s target");
    addIf(parts, spec, "concurrency", "", "concurrency ");
    addIf(parts, spec, "seed", "", "seed ");
    return String.join(" · ", parts);
  }

  private static void addIf(List<String> parts, Map<String, Object> spec, String key, String suffix) {
    addIf(parts, spec, key, suffix, "");
  }

  private static void addIf(List<String> parts, Map<String, Object> spec, String key, String suffix, String prefix) {
    Object v = get(spec, key, key.replace("-", ""), camel(key));
    if (v != null) parts.add(prefix + v + suffix);
  }

  static Object get(Map<String, Object> spec, String... keys) {
    for (String k : keys) {
      Object v = spec.get(k);
      if (v != null) return v instanceof List<?> l ? l.stream().map(String::valueOf).collect(Collectors.joining(",")) : v;
    }
    return null;
  }

  private static String camel(String key) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : key.toCharArray()) {
      if (c == '-') {
        up = true;
      } else {
        b.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return b.toString();
  }

  private static String orDash(Object o) {
    return o == null ? "?" : String.valueOf(o);
  }

  static String cards(RunResults r) {
    RunMetrics m = r.metrics();
    StringBuilder b = new StringBuilder("<div class=\"cards\">");
    Outcomes all = m.overall();
    card(b, "Operations", Html.count(all.total()),
        outcomeLine(all));
    Outcomes during = m.duringFaults();
    card(b, "Available during faults", during.total() == 0 ? "&ndash;" : Html.pct(during.okShare()),
        during.total() == 0 ? "no ops ran during a fault" : Html.count(during.total()) + " ops: " + outcomeLine(during));
    Outcomes outside = m.outsideFaults();
    card(b, "Available outside faults", outside.total() == 0 ? "&ndash;" : Html.pct(outside.okShare()),
        outside.total() == 0 ? "no ops ran outside faults" : Html.count(outside.total()) + " ops: " + outcomeLine(outside));
    card(b, "Throughput", String.format(java.util.Locale.ROOT, "%,.0f ops/s", m.throughput()),
        "ok ops per second over " + Html.seconds(m.loadSeconds()) + " of load");
    latencyCard(b, "Read latency", m.readLatency());
    latencyCard(b, "Write latency", m.writeLatency());
    long kinds = m.faults().stream().map(f -> f.kind()).distinct().count();
    card(b, "Faults", m.faults().isEmpty() ? "none" : Html.count(m.faults().size()),
        m.faults().isEmpty() ? "no nemesis ops in the history" : Html.seconds(m.faultSeconds()) + " in force, " + kinds + " kind" + (kinds == 1 ? "" : "s"));
    return b.append("</div>").toString();
  }

  private static String outcomeLine(Outcomes o) {
    return "<span class=\"ok\">" + Html.pct(o.okShare()) + " ok</span> · <span class=\"fail\">" + Html.pct(o.failShare())
        + " fail</span> · <span class=\"info\">" + Html.pct(o.infoShare()) + " info</span>";
  }

  private static void latencyCard(StringBuilder b, String title, LatencySummary l) {
    if (l.count() == 0) {
      card(b, title, "&ndash;", "no ok ops of this kind");
    } else {
      card(b, title, Html.ms(l.p50()) + " <small>ms p50</small>",
          Html.ms(l.p99()) + " ms p99 · " + Html.ms(l.max()) + " ms max · " + Html.count(l.count()) + " ok ops");
    }
  }

  private static void card(StringBuilder b, String title, String value, String sub) {
    b.append("<div class=\"card\"><div class=\"card-title\">").append(HtmlText.escape(title))
        .append("</div><div class=\"card-value\">").append(value)
        .append("</div><div class=\"card-sub\">").append(sub).append("</div></div>");
  }
}
