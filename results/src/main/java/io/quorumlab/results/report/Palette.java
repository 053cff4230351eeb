package io.quorumlab.results.report;

import java.awt.Color;
import java.util.Map;

/** The report's colours, shared by the charts (AWT) and the page (CSS hex). */
final class Palette {
  private Palette() {}

  static final Color OK = new Color(0x3B6FB6);
  static final Color OK_LIGHT = new Color(0x86B4E8);
  static final Color FAIL = new Color(0xD1433F);
  static final Color FAIL_LIGHT = new Color(0xF08A84);
  static final Color INFO = new Color(0xE69A1C);
  static final Color INFO_LIGHT = new Color(0xF5C46B);
  static final Color READ = new Color(0x3B6FB6);
  static final Color WRITE = new Color(0x8E44AD);
  static final Color GRID = new Color(0xE6E8EC);
  static final Color TEXT = new Color(0x333A45);
  static final Color MUTED = new Color(0x6B7280);

  private static final Map<String, Color> FAULTS = Map.of(
      "partition", new Color(0xC0392B),
      "kill", new Color(0x34495E),
      "pause", new Color(0x16A085),
      "slow", new Color(0xB7950B),
      "clock", new Color(0x2980B9),
      "disk", new Color(0x8E5A2B));
  private static final Color OTHER_FAULT = new Color(0x7F8C8D);

  /** The colour of a fault kind (bands are drawn translucent in it). */
  static Color fault(String kind) {
    return FAULTS.getOrDefault(kind, OTHER_FAULT);
  }

  static Color alpha(Color c, int a) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }

  static String hex(Color c) {
    return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }
}
