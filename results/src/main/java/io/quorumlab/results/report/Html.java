package io.quorumlab.results.report;

import java.util.Locale;

/** Small helpers for writing HTML by hand. */
final class Html {
  private Html() {}

  static String escape(Object o) {
    if (o == null) return "";
    String s = String.valueOf(o);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A relative link target: path segments percent-encoded where a browser would misread them. */
  static String href(String relativePath) {
    StringBuilder b = new StringBuilder();
    for (char c : relativePath.toCharArray()) {
      if (c == ' ') b.append("%20");
      else if (c == '#') b.append("%23");
      else if (c == '?') b.append("%3F");
      else if (c == '%') b.append("%25");
      else b.append(c);
    }
    return escape(b.toString());
  }

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
