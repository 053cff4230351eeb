package io.quorumlab.harness.compare;

import io.quorumlab.checkers.Verdict;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.harness.gate.Judgement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code compare.html}: one self-contained page (inline CSS and PNG charts, no scripts, nothing fetched)
 * with the latency-against-anomalies charts and the table, each row linking to its run's report.
 */
final class CompareHtml {
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
      .withZone(ZoneId.systemDefault());

  private CompareHtml() {}

  static String page(CompareResult result, Path compareDir) throws IOException {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>quorumlab compare: ")
        .append(HtmlText.escape(result.workload())).append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(STYLE).append("</head><body>\n");
    b.append("<h1>Quorum configurations compared: ").append(HtmlText.escape(result.workload())).append(" workload</h1>\n");
    b.append("<p class=\"sub\">").append(HtmlText.escape(CompareTable.header(result))).append(". Started ")
        .append(WHEN.format(Instant.ofEpochMilli(result.startedAtEpochMs()))).append(", took ")
        .append(String.format(Locale.ROOT, "%.0f s", (result.finishedAtEpochMs() - result.startedAtEpochMs()) / 1000.0))
        .append(result.interrupted() ? "; <b>interrupted</b>: only the runs that finished are shown" : "").append(".</p>\n");
    if (result.plan().gated()) gate(b, result);
    b.append("<h2>Latency against anomalies</h2>\n<p class=\"note\">One point per configuration: how slow its successful "
        + "operations were at the 99th percentile, and how many anomalies the checkers found in its history. Points on the "
        + "x-axis found none (which shows that this run found none, not that the configuration is safe).</p>\n");
    b.append("<div class=\"charts\">")
        .append("<figure>").append(CompareChart.png(CompareChart.chart(result.rows(), "write", CompareRow::writeLatency), "write p99 against anomalies"))
        .append("</figure><figure>")
        .append(CompareChart.png(CompareChart.chart(result.rows(), "read", CompareRow::readLatency), "read p99 against anomalies"))
        .append("</figure></div>\n");
    b.append("<h2>Table</h2>\n");
    table(b, result, compareDir);
    b.append("<p class=\"note\">Verdict: valid (no anomaly found), invalid (anomalies found; each run's report explains "
        + "them), unknown (a checker gave up, or the run crashed). Availability: shares of ok / fail (certainly not applied) / "
        + "info (indeterminate, e.g. a timeout) among the ops whose execution overlapped a fault, and among the others. Latency: "
        + "ok ops only, invocation to completion, p50/p95/p99/p99.9 in ms; the open-loop load counts from each op's scheduled "
        + "send time. W+R&gt;N: whether every read quorum overlaps every write quorum on paper.</p>\n");
    if (result.bench() != null) {
      b.append("<p class=\"note\">Bench columns: JMH SampleTime p50/p99 (ms) of single-client gets and puts through the real "
          + "client against a 5-node local cluster with strict quorums, from ").append(HtmlText.escape(result.bench().file().toString()))
          .append("; matched by N/W/R and conflict mode.</p>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void gate(StringBuilder b, CompareResult result) {
    b.append("<h2>Gate</h2>\n<ul class=\"gate\">\n");
    for (CompareRow r : result.rows()) {
      Judgement j = r.judgement();
      if (j == null) continue;
      b.append("<li class=\"").append(j.passed() ? "pass" : "fail").append("\"><b>").append(HtmlText.escape(r.name())).append("</b> ")
          .append(HtmlText.escape(j.line())).append("</li>\n");
    }
    b.append("</ul>\n<p class=\"note\">Exit code ").append(result.exitCode()).append(".</p>\n");
  }

  private static void table(StringBuilder b, CompareResult result, Path compareDir) {
    List<TextTable.Column<CompareRow>> cols = CompareTable.columns(result, false);
    b.append("<div class=\"scroll\"><table>\n<thead><tr>");
    for (TextTable.Column<CompareRow> c : cols) b.append("<th>").append(HtmlText.escape(c.header())).append("</th>");
    b.append("<th>").append(CompareTable.REPORT).append("</th></tr></thead>\n<tbody>\n");
    for (CompareRow row : result.rows()) {
      b.append("<tr class=\"").append(verdictClass(row.verdict())).append("\">");
      for (TextTable.Column<CompareRow> c : cols) {
        String cell = c.cell().apply(row);
        String cls = c.header().startsWith("verdict") ? " class=\"verdict\""
            : c.header().equals("settings") ? " class=\"settings\"" : c.numeric() ? " class=\"num\"" : "";
        b.append("<td").append(cls).append(">").append(HtmlText.escape(cell)).append("</td>");
      }
      b.append("<td>");
      for (int i = 0; i < row.runs().size(); i++) {
        String label = row.runs().size() == 1 ? "report" : "seed " + row.runs().get(i).seed();
        b.append(i == 0 ? "" : " ").append("<a href=\"").append(HtmlText.href(CompareResult.link(compareDir, row.runs().get(i).runDir())))
            .append("\">").append(HtmlText.escape(label)).append("</a>");
      }
      b.append("</td></tr>\n");
    }
    b.append("</tbody></table></div>\n");
  }

  private static String verdictClass(Verdict v) {
    return "v-" + v.wireName();
  }

  static final String STYLE = """
      <style>
      body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1F2933;margin:24px auto;max-width:1500px;padding:0 16px}
      h1{font-size:22px;margin:0 0 4px}
      h2{font-size:17px;margin:26px 0 8px}
      .sub,.note{color:#52606D}
      .note{font-size:13px;max-width:1000px}
      .charts{display:flex;flex-wrap:wrap;gap:16px}
      figure{margin:0;flex:1 1 480px;max-width:720px;border:1px solid #E4E7EB;border-radius:6px;padding:6px}
      img.chart{width:100%;height:auto;display:block}
      .scroll{overflow-x:auto}
      table{border-collapse:collapse;font-size:13px}
      th,td{border-bottom:1px solid #E4E7EB;padding:6px 10px;text-align:left;vertical-align:top}
      th{background:#F5F7FA;font-weight:600;white-space:nowrap}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      td.settings{white-space:nowrap;color:#52606D}
      tr.v-valid td.verdict{color:#1E7B45;font-weight:600}
      tr.v-invalid td.verdict{color:#B42318;font-weight:600}
      tr.v-unknown td.verdict{color:#B7791F;font-weight:600}
      ul.gate{padding-left:18px}
      li.pass{color:#1E7B45}
      li.fail{color:#B42318}
      a{color:#2457A6}
      </style>
      """;
}
