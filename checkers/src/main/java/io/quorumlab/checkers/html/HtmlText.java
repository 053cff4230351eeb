package io.quorumlab.checkers.html;

/**
 * Text and links made safe to put into HTML written by hand: the one escaper for every page
 * quorumlab writes (the linearizability timeline, the run report, the comparison page). It lives
 * in the lowest module that writes HTML, so every module that does can use it.
 */
public final class HtmlText {
  private HtmlText() {}

  /**
   * {@code o}'s text with the five characters HTML gives meaning to replaced by entities, so it
   * reads the same in element content and in single- or double-quoted attributes; "" for null.
   */
  public static String escape(Object o) {
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

  /**
   * A relative link target ready for an {@code href} attribute: the characters a browser would
   * misread in a path (space, {@code #}, {@code ?}, {@code %}) percent-encoded, then escaped.
   */
  public static String href(String relativePath) {
    StringBuilder b = new StringBuilder(relativePath.length() + 16);
    for (int i = 0; i < relativePath.length(); i++) {
      char c = relativePath.charAt(i);
      switch (c) {
        case ' ' -> b.append("%20");
        case '#' -> b.append("%23");
        case '?' -> b.append("%3F");
        case '%' -> b.append("%25");
        default -> b.append(c);
      }
    }
    return escape(b.toString());
  }
}
