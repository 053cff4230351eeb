package io.quorumlab.harness.compare;

import io.quorumlab.checkers.html.HtmlText;
import io.quorumlab.results.LatencySummary;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison's chart: one point per configuration, its p99 latency against the anomalies its
 * run found, so the trade-off reads at a glance (cheap and wrong bottom-left is impossible; the
 * question is how far right safety sits). Drawn by XChart, embedded as a PNG data URI.
 */
final class CompareChart {
  static final Color[] COLOURS = {
    new Color(0x3B6FB6), new Color(0xD1433F), new Color(0x2E9E5B), new Color(0x8E44AD), new Color(0xE69A1C),
    new Color(0x17A2B8), new Color(0x6C757D), new Color(0xB8860B)
  };
  static final Marker[] MARKERS = {
    SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN
  };

  private CompareChart() {}

  static XYChart chart(List<CompareRow> rows, String what, Function<CompareRow, LatencySummary> latency) {
    XYChart c = new XYChartBuilder().width(540).height(380).xAxisTitle(what + " p99 latency of ok ops (ms)")
        .yAxisTitle("anomalies found").build();
    ChartStyle.apply(c, 13, 11);
    c.getStyler().setXAxisDecimalPattern("#,##0.#");
    c.getStyler().setYAxisDecimalPattern("#,##0");
    double maxX = 0;
    double maxY = 0;
    for (CompareRow r : rows) {
      maxX = Math.max(maxX, latency.apply(r).p99());
      maxY = Math.max(maxY, r.anomalyCount());
    }
    double xMax = Math.max(1, maxX * 1.2);
    double yMax = Math.max(4, Math.ceil(maxY * 1.2));
    c.getStyler().setXAxisMin(0.0);
    c.getStyler().setXAxisMax(xMax);
    c.getStyler().setYAxisMin(0.0);
    c.getStyler().setYAxisMax(yMax);
    double step = yMax * 0.055;
    List<double[]> labels = new java.util.ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      CompareRow r = rows.get(i);
      double x = latency.apply(r).p99();
      double y = r.anomalyCount();
      // Lift a label above any earlier label it would overlap (points of similar latency and count).
      double labelY = y + step * 0.8;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (double[] l : labels) {
          if (Math.abs(l[0] - x) < xMax * 0.14 && Math.abs(l[1] - labelY) < step * 0.9) {
            labelY = l[1] + step;
            moved = true;
          }
        }
      }
      labels.add(new double[] {x, labelY});
      XYSeries series = c.addSeries(r.name(), new double[] {x}, new double[] {y});
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(MARKERS[i % MARKERS.length]);
      series.setMarkerColor(COLOURS[i % COLOURS.length]);
      series.setLineStyle(new BasicStroke(0f));
      c.addAnnotation(new AnnotationText(r.name(), x, labelY, false));
    }
    if (rows.isEmpty()) {
      XYSeries none = c.addSeries("no runs", new double[] {0}, new double[] {0});
      none.setMarker(SeriesMarkers.NONE);
    }
    return c;
  }

  /**
   * An {@code <img>} with the chart as a PNG data URI, drawn at twice its size for sharp high-DPI
   * screens. (XChart's SVG draws every glyph as a path: ten times the bytes for the same chart.)
   */
  static String png(XYChart chart, String label) throws IOException {
    int w = chart.getWidth();
    int h = chart.getHeight();
    double scale = 2;
    BufferedImage img = new BufferedImage((int) (w * scale), (int) (h * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.scale(scale, scale);
      chart.paint(g, w, h);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return "<img class=\"chart\" alt=\"" + HtmlText.escape(label) + "\" width=\"" + w + "\" height=\"" + h
        + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray()) + "\">";
  }
}
