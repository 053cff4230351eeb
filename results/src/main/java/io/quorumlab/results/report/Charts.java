package io.quorumlab.results.report;

import io.quorumlab.checkers.history.OpType;
import io.quorumlab.results.FaultInterval;
import io.quorumlab.results.Outcomes;
import io.quorumlab.results.Phase;
import io.quorumlab.results.TimeBucket;
import io.quorumlab.results.ops.ClientOp;
import io.quorumlab.results.ops.OpKind;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Builds the report's XChart charts. All time charts share one x range so they line up. */
final class Charts {
  static final int WIDTH = 1100;
  static final int HEIGHT = 340;
  private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

  private Charts() {}

  /**
   * The time axis: seconds since the run started, from 0 to {@code endSeconds}; {@code simulated}
   * when they are a simulation's virtual seconds (and its latencies virtual too), which the axes say.
   */
  record TimeAxis(double endSeconds, List<FaultInterval> faults, List<Phase> phases, boolean simulated) {}

  /** One point per op: colour by outcome, marker by read/write; log latency axis. */
  static XYChart latencyScatter(ScatterSample sample, TimeAxis axis) {
    XYChart c = latencyChart(axis);
    c.getStyler().setMarkerSize(4);
    // The page draws a larger legend with counts (see ReportPage): XChart's markers are tiny.
    c.getStyler().setLegendVisible(false);
    double min = Double.MAX_VALUE;
    double max = 0;
    for (ClientOp op : sample.points()) {
      double ms = ms(op);
      min = Math.min(min, ms);
      max = Math.max(max, ms);
    }
    // Paint order: ok first (most numerous), then info and fail on top so they are never hidden.
    OpType[] order = {OpType.OK, OpType.INFO, OpType.FAIL};
    boolean any = false;
    for (OpType outcome : order) {
      for (OpKind kind : OpKind.values()) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (ClientOp op : sample.points()) {
          if (op.outcome() != outcome || op.kind() != kind) continue;
          xs.add(op.invokeNanos() / 1e9);
          ys.add(ms(op));
        }
        if (xs.isEmpty()) continue;
        any = true;
        XYSeries s = c.addSeries(kind.name().toLowerCase() + " " + outcome.wireName() + " (" + String.format("%,d", xs.size()) + ")", xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker(kind));
        s.setMarkerColor(colour(outcome, kind));
      }
    }
    return withLatencyRange(c, any, min, max);
  }

  /** Per-second p50 and p99 of ok reads and writes; log latency axis. */
  static XYChart latencyQuantiles(List<TimeBucket> timeline, TimeAxis axis) {
    XYChart c = latencyChart(axis);
    double min = Double.MAX_VALUE;
    double max = 0;
    boolean any = false;
    record Line(String name, Function<TimeBucket, Double> value, Color colour, boolean dashed) {}
    List<Line> lines = List.of(
        new Line("read p50", TimeBucket::readP50, Palette.READ, false),
        new Line("read p99", TimeBucket::readP99, Palette.READ, true),
        new Line("write p50", TimeBucket::writeP50, Palette.WRITE, false),
        new Line("write p99", TimeBucket::writeP99, Palette.WRITE, true));
    for (Line l : lines) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (TimeBucket b : timeline) {
        Double v = l.value().apply(b);
        xs.add(b.second() + 0.5);
        // NaN breaks the line: a second without such ops is a gap, not an interpolation.
        ys.add(v == null ? Double.NaN : Math.max(v, 0.001));
        if (v != null) {
          min = Math.min(min, Math.max(v, 0.001));
          max = Math.max(max, v);
        }
      }
      if (min == Double.MAX_VALUE || ys.stream().allMatch(d -> d.isNaN())) continue;
      any = true;
      XYSeries s = c.addSeries(l.name(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(l.colour());
      s.setLineStyle(l.dashed()
          ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {5f, 3f}, 0f)
          : new BasicStroke(1.8f));
    }
    return withLatencyRange(c, any, min, max);
  }

  /** A time chart with a log latency axis in milliseconds. */
  private static XYChart latencyChart(TimeAxis axis) {
    XYChart c = timeChart(axis.simulated() ? "Simulated latency (ms, log scale)" : "Latency (ms, log scale)", axis);
    c.getStyler().setYAxisLogarithmic(true);
    c.getStyler().setYAxisDecimalPattern("#,##0.###");
    return c;
  }

  /** Bounds the latency axis to the data's round range, or marks the chart empty when nothing was drawn. */
  private static XYChart withLatencyRange(XYChart c, boolean any, double min, double max) {
    if (!any) {
      addEmpty(c);
    } else {
      c.getStyler().setYAxisMin(Math.max(0.001, niceFloor(min)));
      c.getStyler().setYAxisMax(niceCeil(max));
    }
    return c;
  }

  /** Completed ops per second by outcome. */
  static XYChart throughput(List<TimeBucket> timeline, TimeAxis axis) {
    XYChart c = timeChart("Ops completed per second", axis);
    if (timeline.isEmpty()) {
      addEmpty(c);
      return c;
    }
    record Line(String name, Function<TimeBucket, Long> value, Color colour) {}
    long peak = 0;
    for (Line l : List.of(
        new Line("ok", TimeBucket::ok, Palette.OK),
        new Line("fail", TimeBucket::fail, Palette.FAIL),
        new Line("info", TimeBucket::info, Palette.INFO))) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (TimeBucket b : timeline) {
        xs.add((double) b.second());
        ys.add((double) l.value().apply(b));
        peak = Math.max(peak, l.value().apply(b));
      }
      // A step per second: each value holds for the whole second it counts.
      xs.add((double) timeline.get(timeline.size() - 1).second() + 1);
      ys.add(ys.get(ys.size() - 1));
      XYSeries s = c.addSeries(l.name(), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(l.colour());
      s.setLineStyle(new BasicStroke(1.6f));
    }
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(Math.max(1.0, peak * 1.1));
    return c;
  }

  /** Share of ok / fail / info per group (phases, during and outside faults), stacked to 100%. */
  static CategoryChart availability(Map<String, Outcomes> groups) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(260).build();
    style(c.getStyler());
    c.getStyler().setStacked(true);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(100.0);
    c.getStyler().setYAxisDecimalPattern("0'%'");
    c.getStyler().setAvailableSpaceFill(0.4);
    c.getStyler().setOverlapped(false);
    c.setYAxisTitle("Share of ops");
    List<String> names = new ArrayList<>();
    for (Map.Entry<String, Outcomes> e : groups.entrySet()) {
      names.add(e.getKey() + " (" + String.format("%,d", e.getValue().total()) + ")");
    }
    if (names.isEmpty()) names.add("no ops");
    record Part(String name, Function<Outcomes, Double> share, Color colour) {}
    for (Part p : List.of(
        new Part("ok", Outcomes::okShare, Palette.OK),
        new Part("fail", Outcomes::failShare, Palette.FAIL),
        new Part("info", Outcomes::infoShare, Palette.INFO))) {
      List<Double> ys = new ArrayList<>();
      for (Outcomes o : groups.values()) ys.add(p.share().apply(o) * 100.0);
      if (ys.isEmpty()) ys.add(0.0);
      CategorySeries s = c.addSeries(p.name(), names, ys);
      s.setFillColor(p.colour());
    }
    return c;
  }

  private static XYChart timeChart(String yTitle, TimeAxis axis) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).xAxisTitle(axis.simulated() ? "Simulated seconds since the run started" : "Seconds since the run started").yAxisTitle(yTitle).build();
    style(c.getStyler());
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setXAxisMax(Math.max(1.0, axis.endSeconds()));
    c.getStyler().setXAxisDecimalPattern("0");
    // Nearly fill the plot: XChart's default margin (8%) wastes width, and at 100% it drops the
    // labels at the edges (0 s). Every time chart uses the same value, so they line up.
    c.getStyler().setPlotContentSize(0.97);
    c.addAnnotation(new FaultBands(axis.faults(), axis.phases()));
    return c;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(true);
    s.setPlotBorderColor(new Color(0xD0D4DA));
    s.setPlotGridLinesColor(Palette.GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setChartFontColor(Palette.TEXT);
    s.setAxisTickLabelsColor(Palette.TEXT);
    s.setBaseFont(BASE);
    s.setAxisTitleFont(BASE);
    s.setAxisTickLabelsFont(SMALL);
    s.setLegendFont(SMALL);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendBorderColor(Color.WHITE);
    s.setChartTitleVisible(false);
    s.setChartPadding(8);
    s.setToolTipsEnabled(false);
    s.setAntiAlias(true);
  }

  private static void addEmpty(XYChart c) {
    XYSeries s = c.addSeries("no data", new double[] {0}, new double[] {1});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(true);
  }

  private static double ms(ClientOp op) {
    return Math.max(op.latencyNanos() / 1e6, 0.001);
  }

  private static Marker marker(OpKind kind) {
    return kind == OpKind.READ ? SeriesMarkers.CIRCLE : SeriesMarkers.TRIANGLE_UP;
  }

  static Color colour(OpType outcome, OpKind kind) {
    boolean read = kind == OpKind.READ;
    Color c = switch (outcome) {
      case OK -> read ? Palette.OK : Palette.OK_LIGHT;
      case FAIL -> read ? Palette.FAIL : Palette.FAIL_LIGHT;
      default -> read ? Palette.INFO : Palette.INFO_LIGHT;
    };
    // Translucent markers show density where thousands of points overlap.
    return outcome == OpType.OK ? Palette.alpha(c, 150) : Palette.alpha(c, 200);
  }

  /** The power of ten at or below {@code v}, so a log axis starts on a labelled decade. */
  static double niceFloor(double v) {
    return Math.pow(10, Math.floor(Math.log10(v)));
  }

  static double niceCeil(double v) {
    return Math.pow(10, Math.ceil(Math.log10(v * 1.0001)));
  }
}
