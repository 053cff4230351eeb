package io.quorumlab.results.report;

import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.FaultInterval;
import io.quorumlab.results.Phase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The run's phases and faults on one time line (a Gantt chart in HTML), and the fault list. */
final class TimelineSection {
  private TimelineSection() {}

  static String gantt(List<Phase> phases, List<FaultInterval> faults, double endSeconds) {
    double end = endSeconds;
    for (Phase p : phases) end = Math.max(end, p.endNanos() / 1e9);
    if (end <= 0) end = 1;
    StringBuilder b = new StringBuilder("<div class=\"gantt\">");
    for (Phase p : phases) {
      b.append("<div class=\"g-row\"><div class=\"g-label\">").append(HtmlText.escape(p.name())).append("</div><div class=\"g-track\">");
      bar(b, p.startNanos() / 1e9, p.endNanos() / 1e9, end, "phase phase-" + cssName(p.name()), null,
          p.name() + ": " + span(p.startNanos(), p.endNanos()));
      b.append("</div><div class=\"g-dur\">").append(Html.seconds(p.durationNanos() / 1e9)).append("</div></div>");
    }
    Map<String, List<FaultInterval>> byKind = new LinkedHashMap<>();
    for (FaultInterval f : faults) byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f);
    for (Map.Entry<String, List<FaultInterval>> e : byKind.entrySet()) {
      double total = e.getValue().stream().mapToLong(FaultInterval::durationNanos).sum() / 1e9;
      b.append("<div class=\"g-row\"><div class=\"g-label fault-label\">").append(HtmlText.escape(e.getKey())).append("</div><div class=\"g-track\">");
      for (FaultInterval f : e.getValue()) {
        bar(b, f.startNanos() / 1e9, f.endNanos() / 1e9, end, "fault", Palette.hex(Palette.fault(f.kind())),
            f.description() + ": " + span(f.startNanos(), f.endNanos()));
      }
      b.append("</div><div class=\"g-dur\">").append(Html.seconds(total)).append("</div></div>");
    }
    b.append("<div class=\"g-row g-axis\"><div class=\"g-label\"></div><div class=\"g-track\">");
    double step = tickStep(end);
    for (double t = 0; t <= end + 1e-9; t += step) {
      b.append("<span style=\"left:").append(pct(t / end)).append("\">").append(String.format(Locale.ROOT, "%.0f s", t)).append("</span>");
    }
    b.append("</div><div class=\"g-dur\"></div></div></div>");
    return b.toString();
  }

  static String faultTable(List<FaultInterval> faults) {
    if (faults.isEmpty()) return "<p class=\"muted\">No faults were injected (the history has no nemesis ops).</p>";
    StringBuilder b = new StringBuilder("<table class=\"data\"><thead><tr><th>kind</th><th>what</th><th class=\"num\">from</th><th class=\"num\">to</th><th class=\"num\">lasted</th></tr></thead><tbody>");
    for (FaultInterval f : faults) {
      b.append("<tr><td><span class=\"swatch\" style=\"background:").append(Palette.hex(Palette.fault(f.kind()))).append("\"></span>")
          .append(HtmlText.escape(f.kind())).append("</td><td>").append(HtmlText.escape(f.description()))
          .append("</td><td class=\"num\">").append(Html.seconds(f.startNanos() / 1e9))
          .append("</td><td class=\"num\">").append(Html.seconds(f.endNanos() / 1e9))
          .append("</td><td class=\"num\">").append(Html.seconds(f.durationNanos() / 1e9)).append("</td></tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  private static void bar(StringBuilder b, double from, double to, double end, String cls, String colour, String title) {
    double left = Math.max(0, from / end);
    double width = Math.max(0.002, (to - from) / end);
    b.append("<div class=\"g-bar ").append(cls).append("\" style=\"left:").append(pct(left)).append(";width:").append(pct(width));
    if (colour != null) b.append(";background:").append(colour);
    b.append("\" title=\"").append(HtmlText.escape(title)).append("\"></div>");
  }

  private static String span(long from, long to) {
    return String.format(Locale.ROOT, "%.2f s to %.2f s", from / 1e9, to / 1e9);
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.3f%%", Math.min(100, share * 100));
  }

  private static String cssName(String s) {
    return s.replaceAll("[^A-Za-z0-9-]", "-");
  }

  private static double tickStep(double end) {
    double[] steps = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};
    for (double s : steps) if (end / s <= 12) return s;
    return Math.ceil(end / 12 / 3600) * 3600;
  }
}
