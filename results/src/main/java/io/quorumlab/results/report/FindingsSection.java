package io.quorumlab.results.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.CheckSummary;
import io.quorumlab.results.RunResults;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One card per checker: verdict, anomalies, the explanation a person can follow, artifacts. */
final class FindingsSection {
  /** Beyond this many explanation lines the rest folds away; a report must stay scannable. */
  static final int SHOWN_LINES = 40;
  private static final int DETAILS_LIMIT = 30_000;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private FindingsSection() {}

  static String render(RunResults r) {
    StringBuilder b = new StringBuilder();
    if (r.checks().isEmpty()) {
      b.append("<p class=\"muted\">No checker ran on this history.</p>");
    }
    // Invalid first, then unknown, then valid: the reader came for the problems.
    List<CheckSummary> ordered = r.checks().stream()
        .sorted((x, y) -> Integer.compare(rank(x.verdict()), rank(y.verdict())))
        .toList();
    for (CheckSummary c : ordered) card(b, c);
    return b.toString();
  }

  private static int rank(Verdict v) {
    return switch (v) {
      case INVALID -> 0;
      case UNKNOWN -> 1;
      case VALID -> 2;
    };
  }

  private static void card(StringBuilder b, CheckSummary c) {
    String v = c.verdict().wireName();
    b.append("<article class=\"check check-").append(v).append("\">");
    b.append("<header><span class=\"pill pill-").append(v).append("\">").append(v.toUpperCase(Locale.ROOT)).append("</span>")
        .append("<h3>").append(HtmlText.escape(c.name())).append("</h3>")
        .append("<p class=\"summary\">").append(HtmlText.escape(c.summary())).append("</p></header>");
    if (!c.anomalies().isEmpty()) {
      b.append("<ul class=\"chips\">");
      c.anomalies().entrySet().stream()
          .sorted((x, y) -> Long.compare(y.getValue(), x.getValue()))
          .forEach(e -> b.append("<li><b>").append(Html.count(e.getValue())).append("</b> ").append(HtmlText.escape(e.getKey())).append("</li>"));
      b.append("</ul>");
    }
    if (!c.explanation().isEmpty()) {
      List<String> lines = c.explanation();
      b.append("<div class=\"explanation\">");
      lines(b, lines.subList(0, Math.min(SHOWN_LINES, lines.size())));
      if (lines.size() > SHOWN_LINES) {
        b.append("<details><summary>").append(Html.count(lines.size() - SHOWN_LINES)).append(" more lines</summary>");
        lines(b, lines.subList(SHOWN_LINES, lines.size()));
        b.append("</details>");
      }
      b.append("</div>");
    }
    artifacts(b, c.artifacts());
    if (!c.details().isEmpty()) {
      b.append("<details class=\"raw\"><summary>Full result (JSON)</summary><pre>").append(HtmlText.escape(detailsJson(c.details()))).append("</pre></details>");
    }
    b.append("</article>");
  }

  private static void lines(StringBuilder b, List<String> lines) {
    for (String line : lines) {
      b.append("<div class=\"line\">").append(HtmlText.escape(line)).append("</div>");
    }
  }

  private static void artifacts(StringBuilder b, List<String> artifacts) {
    if (artifacts.isEmpty()) return;
    b.append("<div class=\"artifacts\"><span class=\"muted\">Artifacts:</span> ");
    for (String a : artifacts) {
      b.append("<a href=\"").append(HtmlText.href(a)).append("\">").append(HtmlText.escape(a)).append("</a> ");
    }
    b.append("</div>");
    List<String> images = artifacts.stream().filter(FindingsSection::isImage).limit(4).toList();
    if (!images.isEmpty()) {
      b.append("<div class=\"artifact-images\">");
      for (String img : images) {
        b.append("<a href=\"").append(HtmlText.href(img)).append("\"><img loading=\"lazy\" alt=\"")
            .append(HtmlText.escape(img)).append("\" src=\"").append(HtmlText.href(img)).append("\"></a>");
      }
      b.append("</div>");
    }
  }

  private static boolean isImage(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".svg") || p.endsWith(".png") || p.endsWith(".jpg") || p.endsWith(".gif");
  }

  private static String detailsJson(Map<String, Object> details) {
    String s;
    try {
      s = JSON.writeValueAsString(details);
    } catch (JsonProcessingException e) {
      s = String.valueOf(details);
    }
    return s.length() > DETAILS_LIMIT ? s.substring(0, DETAILS_LIMIT) + "\n... (truncated; the whole result is in results.json)" : s;
  }
}
