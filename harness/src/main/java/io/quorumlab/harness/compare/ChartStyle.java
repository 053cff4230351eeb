package io.quorumlab.harness.compare;

import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;

/** The one look of compare's charts: white, light grid, legend below, sans-serif text. */
final class ChartStyle {
  private ChartStyle() {}

  static void apply(XYChart c, int markerSize, int annotationFontSize) {
    XYStyler s = c.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotGridLinesColor(new Color(0xE6E9EE));
    s.setPlotBorderColor(new Color(0xD0D4DA));
    s.setChartTitleVisible(false);
    s.setLegendPosition(Styler.LegendPosition.OutsideS);
    s.setLegendLayout(Styler.LegendLayout.Horizontal);
    s.setLegendBorderColor(Color.WHITE);
    s.setMarkerSize(markerSize);
    s.setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, annotationFontSize));
    s.setAntiAlias(true);
  }
}
