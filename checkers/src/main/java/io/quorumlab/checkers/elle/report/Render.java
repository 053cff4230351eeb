package io.quorumlab.checkers.elle.report;

import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.Op;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ops and values as JSON-able maps and as short EDN-like text. */
public final class Render {
  private Render() {}

  /** An op as Elle shows it: index, time, process, type, f, value. */
  public static Map<String, Object> op(Op op) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("index", op.index());
    if (op.time() >= 0) m.put("time", op.time());
    m.put("process", op.process());
    m.put("type", op.type().wireName());
    m.put("f", op.f());
    m.put("value", op.value());
    if (op.error() != null) m.put("error", op.error());
    return m;
  }

  /** The op that stands for transaction {@code t}. */
  public static Map<String, Object> txn(Txns txns, int t) {
    return op(txns.completion(t));
  }

  /** "op 41 (process 3, ok) [[append 3 2] [r 4 [1]]]". */
  public static String txnText(Txns txns, int t) {
    return "op " + txns.opIndex(t) + " (process " + txns.process[t] + ", " + txns.typeName(t) + ") "
        + value(txns.mops[t], 12);
  }

  /** Short: "op 41 (process 3)". */
  public static String txnRef(Txns txns, int t) {
    return "op " + txns.opIndex(t) + " (process " + txns.process[t] + ")";
  }

  public static String value(Object v) {
    return value(v, 12);
  }

  /** EDN-like text; lists longer than {@code maxList} show their first 3 and last 6 elements. */
  public static String value(Object v, int maxList) {
    StringBuilder sb = new StringBuilder();
    append(sb, v, maxList);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object v, int maxList) {
    if (v == null) {
      sb.append("nil");
    } else if (v instanceof List<?> l) {
      sb.append('[');
      int n = l.size();
      if (n > maxList) {
        for (int i = 0; i < 3; i++) {
          append(sb, l.get(i), maxList);
          sb.append(' ');
        }
        sb.append("...");
        for (int i = n - 6; i < n; i++) {
          sb.append(' ');
          append(sb, l.get(i), maxList);
        }
        sb.append("] (").append(n).append(" elements)");
        return;
      }
      for (int i = 0; i < n; i++) {
        if (i > 0) sb.append(' ');
        append(sb, l.get(i), maxList);
      }
      sb.append(']');
    } else if (v instanceof String s) {
      sb.append(s);
    } else {
      sb.append(v);
    }
  }
}
