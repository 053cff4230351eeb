package io.quorumlab.results.report;

import io.quorumlab.checkers.html.HtmlText;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Turns a chart into markup the page embeds: inline SVG (crisp, small for lines and bars) or a PNG
 * data URI (for scatter plots, where thousands of SVG markers would weigh megabytes).
 */
final class ChartImages {
  private ChartImages() {}

  /** Inline {@code <svg>} scaled to its container's width. */
  static String svg(Chart<?, ?> chart, String label) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    String s = out.toString(StandardCharsets.UTF_8);
    int start = s.indexOf("<svg");
    if (start < 0) throw new IOException("the SVG encoder produced no <svg> element");
    s = s.substring(start);
    int tagEnd = s.indexOf('>');
    String open = s.substring(0, tagEnd);
    // Drop fixed width/height so CSS sizes the image; the viewBox keeps its proportions.
    open = open.replaceFirst("\\swidth=\"[^\"]*\"", "").replaceFirst("\\sheight=\"[^\"]*\"", "");
    if (!open.contains("viewBox")) open += " viewBox=\"0 0 " + chart.getWidth() + " " + chart.getHeight() + "\"";
    open += " class=\"chart\" role=\"img\" aria-label=\"" + HtmlText.escape(label) + "\" preserveAspectRatio=\"xMidYMid meet\"";
    return open + s.substring(tagEnd);
  }

  /** {@code <img>} with a PNG data URI, drawn at {@code scale}x for sharp high-DPI screens. */
  static String png(Chart<?, ?> chart, String label, double scale) throws IOException {
    int w = chart.getWidth();
    int h = chart.getHeight();
    BufferedImage img = new BufferedImage((int) Math.round(w * scale), (int) Math.round(h * scale), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
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
