package io.quorumlab.results.report;

import io.quorumlab.results.FaultInterval;
import io.quorumlab.results.Phase;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Shades fault intervals (translucent, one colour per kind, labelled when there is room) and marks
 * phase boundaries with dashed lines on a time chart whose x axis is seconds since the run started.
 * XChart paints annotations last, so the bands lie over the points; they are light enough to
 * leave the points readable.
 */
final class FaultBands extends Annotation {
  private static final BasicStroke DASH = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f);
  private final List<FaultInterval> faults;
  private final List<Phase> phases;

  FaultBands(List<FaultInterval> faults, List<Phase> phases) {
    super(false);
    this.faults = faults;
    this.phases = phases;
  }

  @Override
  public void paint(Graphics2D g) {
    if (!isVisible) return;
    int left = getXAxisScreenValueForMin();
    int right = getXAxisScreenValueForMax();
    int top = getYAxisScreenValueForMin();
    int bottom = getYAxisScreenValueForMax();
    if (top > bottom) {
      int t = top;
      top = bottom;
      bottom = t;
    }
    bounds = new Rectangle2D.Double(left, top, right - left, bottom - top);
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lastLabelEnd = Integer.MIN_VALUE;
    for (FaultInterval f : faults) {
      int x0 = clamp(getXAxisScreenValue(f.startNanos() / 1e9), left, right);
      int x1 = clamp(getXAxisScreenValue(f.endNanos() / 1e9), left, right);
      if (x1 <= x0) x1 = Math.min(right, x0 + 1);
      Color c = Palette.fault(f.kind());
      g.setColor(Palette.alpha(c, 34));
      g.fillRect(x0, top, x1 - x0, bottom - top);
      g.setColor(Palette.alpha(c, 120));
      g.setStroke(new BasicStroke(1f));
      g.drawLine(x0, top, x0, bottom);
      g.drawLine(x1, top, x1, bottom);
      int w = fm.stringWidth(f.kind());
      if (x1 - x0 >= w + 6 && x0 + 3 > lastLabelEnd) {
        g.setColor(c.darker());
        g.drawString(f.kind(), x0 + 3, top + fm.getAscent() + 2);
        lastLabelEnd = x0 + 3 + w;
      }
    }
    g.setStroke(DASH);
    int lastPhaseLabelEnd = Integer.MIN_VALUE;
    for (int i = 0; i < phases.size(); i++) {
      Phase p = phases.get(i);
      int x = getXAxisScreenValue(p.startNanos() / 1e9);
      if (x <= left || x >= right) continue;
      g.setColor(new Color(0x9AA0A6));
      g.drawLine(x, top, x, bottom);
      int w = fm.stringWidth(p.name());
      int next = i + 1 < phases.size() ? getXAxisScreenValue(phases.get(i + 1).startNanos() / 1e9) : right;
      if (x + 3 > lastPhaseLabelEnd && Math.min(next, right) - x >= w + 6) {
        g.setColor(Palette.MUTED);
        g.drawString(p.name(), x + 3, bottom - 4);
        lastPhaseLabelEnd = x + 3 + w;
      }
    }
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
