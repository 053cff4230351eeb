package io.quorumlab.results.report;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.Phase;
import io.quorumlab.results.RunInfo;
import io.quorumlab.results.RunMetrics;
import io.quorumlab.results.RunResults;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.ClientOps;
import io.quorumlab.results.ops.OpKind;
import io.quorumlab.checkers.history.OpType;
import io.quorumlab.checkers.html.HtmlText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.internal.chartpart.Chart;

/** Assembles report.html: one self-contained page (inline CSS, inline SVG and PNG charts). */
final class ReportPage {
  /** More points than this are thinned in the scatter; see {@link ScatterSample}. */
  static final int SCATTER_LIMIT = 20_000;
  private static final Set<String> AFTER_LOAD = Set.of(Phase.TEARDOWN, Phase.CHECK);
  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z", Locale.ROOT);

  private ReportPage() {}

  static String render(Path runDir, RunResults r, History history) {
    RunInfo info = r.info();
    RunMetrics m = r.metrics();
    List<ClientOp> ops = ClientOps.of(history);
    Charts.TimeAxis axis = new Charts.TimeAxis(endSeconds(history, info.phases()), m.faults(), info.phases(), info.simulatedTime());
    String verdict = r.verdict().wireName();

    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(verdict.toUpperCase(Locale.ROOT)).append(" · ").append(HtmlText.escape(info.workload()))
        .append(" · quorumlab</title><style>").append(css()).append("</style></head><body>\n");

    // Header: what ran, and the verdict, visible without scrolling.
    String config = SummarySection.configLine(info.spec());
    b.append("<header class=\"top\"><div class=\"top-inner\"><div>")
        .append("<div class=\"brand\">quorumlab</div>")
        .append("<h1>").append(HtmlText.escape(info.workload())).append(" workload on the ").append(HtmlText.escape(info.backend())).append(" backend</h1>");
    if (!config.isEmpty()) b.append("<div class=\"config\">").append(HtmlText.escape(config)).append("</div>");
    b.append("<div class=\"meta\">").append(HtmlText.escape(started(info))).append(" · ").append(HtmlText.escape(runDir.getFileName() == null ? "" : runDir.getFileName().toString()))
        .append("</div></div><div class=\"verdict verdict-").append(verdict).append("\"><div class=\"word\">").append(verdict.toUpperCase(Locale.ROOT))
        .append("</div><div class=\"exit\">exit code ").append(r.exitCode()).append("</div></div></div></header>\n");
    b.append("<nav class=\"toc\"><a href=\"#findings\">Findings</a><a href=\"#latency\">Latency</a><a href=\"#quantiles\">Quantiles</a>")
        .append("<a href=\"#throughput\">Throughput</a><a href=\"#availability\">Availability</a><a href=\"#timeline\">Timeline</a>")
        .append(info.simulatedTime() ? "<a href=\"#messages\">Messages</a>" : "")
        .append("<a href=\"#settings\">Settings</a><a href=\"#files\">Files</a></nav>\n<main>");

    if (info.crashed()) {
      b.append("<div class=\"crash\"><b>The run did not complete.</b> ").append(HtmlText.escape(info.error()))
          .append("<br><span class=\"muted\">Whatever was recorded before it stopped is shown below; the verdict is unknown because the history may be incomplete.</span></div>");
    }
    b.append("<p class=\"headline h-").append(verdict).append("\">").append(HtmlText.escape(SummarySection.headline(r))).append("</p>");
    b.append(SummarySection.why(r));
    b.append(SummarySection.cards(r));

    b.append("<section id=\"findings\"><h2>Findings</h2>").append(FindingsSection.render(r)).append("</section>\n");

    ScatterSample sample = ScatterSample.of(ops, SCATTER_LIMIT);
    b.append("<section id=\"latency\"><h2>Latency of every operation</h2><figure>")
        .append(chart(() -> Charts.latencyScatter(sample, axis), "Latency of each operation over time", true))
        .append("<figcaption>").append(scatterCaption(sample, m)).append("</figcaption></figure></section>\n");

    b.append("<section id=\"quantiles\"><h2>Latency quantiles per second</h2><figure>")
        .append(chart(() -> Charts.latencyQuantiles(m.timeline(), axis), "Latency quantiles per second", false))
        .append("<figcaption>p50 (solid) and p99 (dashed) of the ok reads and writes that completed in each second. ")
        .append("A gap means no such op completed that second. ").append(faultNote(m)).append("</figcaption></figure>")
        .append("<div style=\"margin-top:12px\">").append(TablesSection.latency(m.readLatency(), m.writeLatency())).append("</div>")
        .append("<p class=\"muted\" style=\"font-size:13px\">Percentiles over ok ops only (HdrHistogram, 3 significant digits): a fail is usually a fast refusal and an info a client timeout, so both are counted under availability instead.</p></section>\n");

    b.append("<section id=\"throughput\"><h2>Throughput</h2><figure>")
        .append(chart(() -> Charts.throughput(m.timeline(), axis), "Operations completed per second by outcome", false))
        .append("<figcaption>Ops completed per second, by outcome. ").append(String.format(Locale.ROOT, "%,.1f", m.throughput()))
        .append(" ok ops/s on average over the load phase. ").append(faultNote(m)).append("</figcaption></figure></section>\n");

    Map<String, Outcomes> groups = availabilityGroups(info, m);
    b.append("<section id=\"availability\"><h2>Availability</h2><figure>")
        .append(chart(() -> Charts.availability(groups), "Share of ok, fail and info ops per phase and during or outside faults", false))
        .append("<figcaption>Share of ops by outcome: per phase (by invocation time), and for the load phase split by whether an op overlapped a fault. ")
        .append("<b>ok</b>: done; <b>fail</b>: certainly not done; <b>info</b>: unknown (timed out or never answered).</figcaption></figure>")
        .append("<div style=\"margin-top:12px\">").append(TablesSection.availability(groups)).append("</div></section>\n");

    b.append("<section id=\"timeline\"><h2>Timeline</h2>")
        .append(TimelineSection.gantt(info.phases(), m.faults(), axis.endSeconds()))
        .append("<div style=\"margin-top:12px\">").append(TimelineSection.faultTable(m.faults())).append("</div></section>\n");

    b.append(MessageDiagram.section(runDir, r, history));

    b.append("<section id=\"settings\"><h2>Cluster and run settings</h2>")
        .append(TablesSection.settings(info.workload(), info.backend(), info.spec())).append("</section>\n");
    b.append("<section id=\"files\"><h2>Files</h2>").append(TablesSection.files(runDir)).append("</section>\n");
    b.append("<footer>Generated by quorumlab at ").append(HtmlText.escape(WHEN.format(Instant.now().atZone(ZoneId.systemDefault()))))
        .append(" · re-render with <code>quorumlab report ").append(HtmlText.escape(runDir.toString())).append("</code></footer>");
    b.append("</main></body></html>\n");
    return b.toString();
  }

  interface ChartMaker {
    Chart<?, ?> make();
  }

  /**
   * A chart as markup; on any rendering failure (a machine without fonts, say) a note instead, so
   * the rest of the report still arrives.
   */
  static String chart(ChartMaker maker, String label, boolean bitmap) {
    try {
      Chart<?, ?> c = maker.make();
      return bitmap ? ChartImages.png(c, label, 2.0) : ChartImages.svg(c, label);
    } catch (Exception | LinkageError | java.awt.AWTError | InternalError e) {
      return "<div class=\"chart-missing\">This chart could not be drawn on this machine (" + HtmlText.escape(e.getClass().getSimpleName() + ": " + e.getMessage()) + ").</div>";
    }
  }

  private static String scatterCaption(ScatterSample s, RunMetrics m) {
    StringBuilder b = new StringBuilder("<div class=\"legend-note\">");
    for (OpType outcome : new OpType[] {OpType.OK, OpType.FAIL, OpType.INFO}) {
      for (OpKind kind : OpKind.values()) {
        long n = s.count(outcome, kind);
        if (n == 0) continue;
        String colour = Palette.hex(Charts.colour(outcome, kind));
        String shape = kind == OpKind.READ
            ? "<span class=\"dot\" style=\"background:" + colour + "\"></span>"
            : "<span class=\"tri\" style=\"border-bottom-color:" + colour + "\"></span>";
        b.append("<span class=\"key\">").append(shape).append(kind == OpKind.READ ? "read " : "write ").append(outcome.wireName())
            .append(" <small class=\"muted\">").append(Html.count(n)).append("</small></span>");
      }
    }
    b.append("</div>One point per operation at its invocation time; its height is completion minus invocation. ")
        .append("Colour is the outcome (blue ok, red fail, amber info); circles are reads, triangles writes. ")
        .append("An info op's height is how long the client waited before giving up. ");
    if (s.note() != null) b.append(HtmlText.escape(s.note())).append(' ');
    if (s.untimedOps() > 0) b.append(Html.count(s.untimedOps())).append(" ops never completed and are not drawn. ");
    return b.append(faultNote(m)).toString();
  }

  private static String faultNote(RunMetrics m) {
    if (m.faults().isEmpty()) return "No faults were injected.";
    return "Shaded bands: faults in force; dashed lines: phase boundaries.";
  }

  /** Phases with ops (by invocation), then the load phase split by whether ops overlapped a fault. */
  static Map<String, Outcomes> availabilityGroups(RunInfo info, RunMetrics m) {
    Map<String, Outcomes> g = new LinkedHashMap<>();
    m.byPhase().forEach((phase, o) -> {
      if (o.total() > 0) g.put(phase, o);
    });
    boolean load = info.phase(Phase.LOAD).isPresent();
    if (!m.faults().isEmpty() || m.duringFaults().total() > 0) {
      g.put(load ? "load, during faults" : "during faults", m.duringFaults());
    }
    g.put(load ? "load, outside faults" : (m.faults().isEmpty() ? "all ops" : "outside faults"), m.outsideFaults());
    return g;
  }

  /** The time axis ends at the last op or the end of the last phase that has ops, not at teardown. */
  static double endSeconds(History h, List<Phase> phases) {
    long end = 0;
    for (Op op : h.ops()) end = Math.max(end, op.time());
    for (Phase p : phases) if (!AFTER_LOAD.contains(p.name())) end = Math.max(end, p.endNanos());
    return Math.max(1.0, end / 1e9 * 1.01);
  }

  private static String started(RunInfo info) {
    if (info.simulatedTime()) {
      return "simulated: every time and latency on this page is virtual time of a deterministic simulation, seed "
          + info.spec().get("seed");
    }
    if (info.startedAtEpochMs() <= 0) return "start time unknown";
    return "started " + WHEN.format(Instant.ofEpochMilli(info.startedAtEpochMs()).atZone(ZoneId.systemDefault()));
  }

  private static String css() {
    try (InputStream in = ReportPage.class.getResourceAsStream("report.css")) {
      if (in == null) throw new IllegalStateException("report.css is missing from the results jar");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
