package io.quorumlab.harness.compare;

import io.quorumlab.harness.explore.Wilson;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The chart of {@code compare --seeds}: per configuration, the share of seeds that failed and the
 * share showing each anomaly class, each a point with its 95% Wilson interval as a vertical bar, so
 * that "never seen in 1,000 seeds" (a point at 0 with a short bar) reads apart from "not run enough".
 */
final class RateChart {
  static final String ANY = "any anomaly";
  /** Percentage points below 0 that hold the configurations' names. */
  private static final double NAME_STRIP = 12;

  private RateChart() {}

  static XYChart chart(List<SeedRow> rows) {
    XYChart c = new XYChartBuilder().width(Math.max(560, 150 * rows.size() + 160)).height(400).xAxisTitle("configuration")
        .yAxisTitle("seeds showing it (%), with 95% interval").build();
    ChartStyle.apply(c, 9, 12);
    // The x axis counts configurations 1..n: no numbers on it; each name is written under its points,
    // in a strip below 0% that the y axis leaves unlabelled.
    c.getStyler().setXAxisMin(0.5);
    c.getStyler().setXAxisMax(rows.size() + 0.5);
    c.getStyler().setXAxisTicksVisible(false);
    c.getStyler().setPlotGridVerticalLinesVisible(false);
    c.getStyler().setYAxisMin(-NAME_STRIP);
    c.getStyler().setYAxisMax(100.0);
    c.getStyler().setyAxisTickLabelsFormattingFunction(y -> y < 0 ? "" : String.format(java.util.Locale.ROOT, "%.0f", y));
    for (int i = 0; i < rows.size(); i++) c.addAnnotation(new AnnotationText(rows.get(i).name(), i + 1, -NAME_STRIP * 0.6, false));
    Map<String, List<Wilson.Interval>> series = series(rows);
    int m = series.size();
    int j = 0;
    for (Map.Entry<String, List<Wilson.Interval>> e : series.entrySet()) {
      Color colour = CompareChart.COLOURS[j % CompareChart.COLOURS.length];
      double offset = m == 1 ? 0 : (j - (m - 1) / 2.0) * (0.7 / m);
      double[] xs = new double[rows.size()];
      double[] ys = new double[rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        Wilson.Interval w = e.getValue().get(i);
        xs[i] = i + 1 + offset;
        ys[i] = w.rate() * 100;
        XYSeries bar = c.addSeries(e.getKey() + " interval " + i, new double[] {xs[i], xs[i]}, new double[] {w.low() * 100, w.high() * 100});
        bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        bar.setMarker(SeriesMarkers.NONE);
        bar.setLineColor(colour);
        bar.setLineStyle(new BasicStroke(2f));
        bar.setShowInLegend(false);
      }
      XYSeries points = c.addSeries(e.getKey(), xs, ys);
      points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      points.setMarker(CompareChart.MARKERS[j % CompareChart.MARKERS.length]);
      points.setMarkerColor(colour);
      j++;
    }
    return c;
  }

  /** "any anomaly", then each class seen in any configuration (sorted), each with one interval per row. */
  static Map<String, List<Wilson.Interval>> series(List<SeedRow> rows) {
    Map<String, List<Wilson.Interval>> out = new LinkedHashMap<>();
    out.put(ANY, rows.stream().map(SeedRow::failing).toList());
    TreeSet<String> classes = new TreeSet<>();
    rows.forEach(r -> classes.addAll(r.classes().keySet()));
    for (String cls : classes) {
      List<Wilson.Interval> l = new ArrayList<>();
      for (SeedRow r : rows) l.add(r.classes().getOrDefault(cls, Wilson.of95(0, r.seedsRun())));
      out.put(cls, l);
    }
    return out;
  }
}
