package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.workloads.Invocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One client op of an explicit schedule: at {@code timeNanos} after the load starts, {@code process}
 * sends {@code f key value} through {@code node}.
 *
 * @param node the coordinating node, or null for the load's usual choice (op {@code i} to node
 *     {@code i mod nodes}); a node the cluster does not have is also that usual choice
 */
public record ScheduledOp(long timeNanos, long process, String f, Object key, Object value, String node) {

  public ScheduledOp {
    if (timeNanos < 0) throw new SpecException("a scheduled op's time must not be negative, not " + timeNanos + " ns");
    if (process < 0) throw new SpecException("a scheduled op's process must not be negative, not " + process);
    if (f == null || f.isBlank()) throw new SpecException("a scheduled op needs an f");
  }

  public Invocation invocation() {
    return new Invocation(f, key, value);
  }

  public ScheduledOp withNode(String newNode) {
    return new ScheduledOp(timeNanos, process, f, key, value, newNode);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time", timeNanos / 1e9);
    m.put("process", process);
    m.put("f", f);
    m.put("key", key);
    m.put("value", value);
    if (node != null) m.put("node", node);
    return m;
  }

  static ScheduledOp fromMap(Object o, int i) {
    if (!(o instanceof Map<?, ?> m)) throw new SpecException("schedule op " + i + " is not an object: " + o);
    if (!(m.get("time") instanceof Number t)) throw new SpecException("schedule op " + i + " has no numeric 'time' (seconds)");
    if (!(m.get("process") instanceof Number p)) throw new SpecException("schedule op " + i + " has no numeric 'process'");
    if (!(m.get("f") instanceof String f)) throw new SpecException("schedule op " + i + " has no 'f'");
    Object node = m.get("node");
    return new ScheduledOp(Math.round(t.doubleValue() * 1e9), p.longValue(), f, plain(m.get("key")), plain(m.get("value")),
        node == null ? null : node.toString());
  }

  /** A value read from JSON in the history's terms: whole numbers are Longs, lists are lists of such values. */
  static Object plain(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object x : l) out.add(plain(x));
      return out;
    }
    return v;
  }
}
