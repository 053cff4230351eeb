package io.quorumlab.results.report;

import java.util.Locale;

/** How the report writes numbers; text is escaped by {@link io.quorumlab.checkers.html.HtmlText}. */
final class Html {
  private Html() {}

  static String ms(double v) {
    if (v == 0) return "0";
    if (v < 1) return String.format(Locale.ROOT, "%.3f", v);
    if (v < 10) return String.format(Locale.ROOT, "%.2f", v);
    if (v < 100) return String.format(Locale.ROOT, "%.1f", v);
    return String.format(Locale.ROOT, "%,.0f", v);
  }

  static String pct(double share) {
    if (share == 0) return "0%";
    if (share < 0.001) return "&lt;0.1%";
    return String.format(Locale.ROOT, "%.1f%%", share * 100);
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String seconds(double s) {
    if (s < 10) return String.format(Locale.ROOT, "%.2f s", s);
    return String.format(Locale.ROOT, "%.1f s", s);
  }
}
