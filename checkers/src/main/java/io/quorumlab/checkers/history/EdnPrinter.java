package io.quorumlab.checkers.history;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import us.bpsm.edn.Keyword;

/**
 * Prints edn-java data the way Jepsen does ({@code {:type :ok, :f :read, :value [1 2]}}), so that
 * our files diff cleanly against Jepsen's and read well.
 */
final class EdnPrinter {
  private EdnPrinter() {}

  static String print(Object v) {
    StringBuilder sb = new StringBuilder(96);
    print(v, sb);
    return sb.toString();
  }

  static void print(Object v, StringBuilder sb) {
    if (v == null) {
      sb.append("nil");
    } else if (v instanceof Keyword k) {
      sb.append(k);
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      sb.append(v);
    } else if (v instanceof BigInteger b) {
      sb.append(b).append('N');
    } else if (v instanceof BigDecimal d) {
      sb.append(d.toPlainString()).append('M');
    } else if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) sb.append("##NaN");
      else if (Double.isInfinite(d)) sb.append(d > 0 ? "##Inf" : "##-Inf");
      else sb.append(d);
    } else if (v instanceof Boolean) {
      sb.append(v);
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) sb.append(", ");
        first = false;
        print(e.getKey(), sb);
        sb.append(' ');
        print(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof Set<?> s) {
      sb.append("#{");
      items(s, sb);
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      items(l, sb);
      sb.append(']');
    } else {
      // Dates, UUIDs, tagged values: edn-java knows how to print them.
      sb.append(us.bpsm.edn.printer.Printers.printString(v));
    }
  }

  private static void items(Collection<?> c, StringBuilder sb) {
    boolean first = true;
    for (Object o : c) {
      if (!first) sb.append(' ');
      first = false;
      print(o, sb);
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }
}
