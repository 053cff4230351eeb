package io.quorumlab.harness.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.harness.explore.Wilson;
import io.quorumlab.harness.gate.Judgement;
import io.quorumlab.results.RunDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code compare --seeds}' directory, {@code <runs>/compare/<timestamp>/}, like
 * {@link CompareOutput}: {@code compare.json}, {@code compare.md} and {@code compare.html} (the rate
 * chart and the table), and points {@code <runs>/compare/latest} at it.
 */
public final class SeedOutput {
  static final String FORMAT = "quorumlab-compare-seeds/1";
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SeedOutput() {}

  /** @return the new directory */
  public static Path write(SeedCompareResult result) throws IOException {
    Path root = result.plan().outRoot().resolve("compare");
    Path dir = RunDirectory.create(result.plan().outRoot(), "compare", LocalDateTime.now(), false);
    Files.deleteIfExists(dir.resolve(RunDirectory.NODES));
    MAPPER.writeValue(dir.resolve(CompareOutput.JSON).toFile(), tree(result));
    Files.writeString(dir.resolve(CompareOutput.MARKDOWN), SeedTable.markdown(result));
    Files.writeString(dir.resolve(CompareOutput.HTML), html(result));
    RunDirectory.pointLatest(root, dir);
    return dir;
  }

  public static String console(SeedCompareResult result) {
    return SeedTable.console(result);
  }

  static Map<String, Object> tree(SeedCompareResult result) {
    Map<String, Object> m = CompareJson.header(FORMAT, result);
    m.put("seeds", result.seeds());
    m.put("firstSeed", result.firstSeed());
    List<Object> rows = new ArrayList<>();
    for (SeedRow r : result.rows()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("config", r.name());
      x.put("settings", r.settings());
      x.put("overlappingQuorums", SeedTable.overlap(r));
      x.put("seeds", r.seedsRun());
      x.put("verdict", r.verdict().wireName());
      x.put("failing", interval(r.failing()));
      x.put("unknown", r.unknown());
      Map<String, Object> classes = new LinkedHashMap<>();
      r.classes().forEach((c, i) -> classes.put(c, interval(i)));
      x.put("classes", classes);
      x.put("readP50Ms", Double.isNaN(r.readP50()) ? null : r.readP50());
      x.put("writeP50Ms", Double.isNaN(r.writeP50()) ? null : r.writeP50());
      x.put("firstFailingSeed", r.firstFailure().map(f -> f.seed()).orElse(null));
      x.put("failingSeeds", r.seeds().failures().stream().map(f -> f.seed()).toList());
      Judgement j = r.judgement();
      if (j != null) x.put("gate", CompareJson.gate(r.expect(), j));
      rows.add(x);
    }
    m.put("rows", rows);
    return m;
  }

  private static Map<String, Object> interval(Wilson.Interval i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seeds", i.k());
    m.put("of", i.n());
    m.put("rate", i.rate());
    m.put("low95", i.low());
    m.put("high95", i.high());
    return m;
  }

  static String html(SeedCompareResult result) throws IOException {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>quorumlab compare --seeds: ")
        .append(HtmlText.escape(result.workload())).append("</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append(CompareHtml.STYLE).append("</head><body>\n");
    b.append("<h1>Quorum configurations over ").append(result.seeds()).append(" seeds: ").append(HtmlText.escape(result.workload()))
        .append(" workload</h1>\n");
    b.append("<p class=\"sub\">").append(HtmlText.escape(SeedTable.header(result)))
        .append(String.format(Locale.ROOT, ". Took %.0f s", (result.finishedAtEpochMs() - result.startedAtEpochMs()) / 1000.0))
        .append(result.interrupted() ? "; <b>interrupted</b>: only configurations that ran every seed are shown" : "").append(".</p>\n");
    if (result.plan().gated()) {
      b.append("<h2>Gate</h2>\n<ul class=\"gate\">\n");
      for (SeedRow r : result.rows()) {
        Judgement j = r.judgement();
        if (j == null) continue;
        b.append("<li class=\"").append(j.passed() ? "pass" : "fail").append("\"><b>").append(HtmlText.escape(r.name())).append("</b> ")
            .append(HtmlText.escape(j.line())).append("</li>\n");
      }
      b.append("</ul>\n<p class=\"note\">Exit code ").append(result.exitCode()).append(".</p>\n");
    }
    b.append("<h2>Anomaly rates</h2>\n<p class=\"note\">Per configuration, the share of seeds that found any anomaly and the share "
        + "showing each anomaly class, each with its 95% Wilson interval as a bar.</p>\n");
    b.append("<div class=\"charts\"><figure>").append(CompareChart.png(RateChart.chart(result.rows()), "anomaly rates per configuration"))
        .append("</figure></div>\n<h2>Table</h2>\n<div class=\"scroll\"><table>\n<thead><tr>");
    List<TextTable.Column<SeedRow>> cols = SeedTable.columns(false);
    for (TextTable.Column<SeedRow> c : cols) b.append("<th>").append(HtmlText.escape(c.header())).append("</th>");
    b.append("</tr></thead>\n<tbody>\n");
    for (SeedRow row : result.rows()) {
      b.append("<tr class=\"v-").append(row.verdict().wireName()).append("\">");
      for (TextTable.Column<SeedRow> c : cols) {
        String cell = c.header().startsWith("anomaly classes") ? SeedTable.classes(row, "\n") : c.cell().apply(row);
        String cls = c.header().equals("verdict") ? " class=\"verdict\"" : c.header().equals("settings") ? " class=\"settings\""
            : c.numeric() ? " class=\"num\"" : "";
        b.append("<td").append(cls).append(">").append(HtmlText.escape(cell).replace("\n", "<br>")).append("</td>");
      }
      b.append("</tr>\n");
    }
    b.append("</tbody></table></div>\n<p class=\"note\">").append(HtmlText.escape(SeedTable.NOTE)).append("</p>\n</body></html>\n");
    return b.toString();
  }
}
