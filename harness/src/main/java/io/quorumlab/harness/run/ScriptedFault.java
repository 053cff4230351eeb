package io.quorumlab.harness.run;

import io.quorumlab.harness.SpecException;
import io.quorumlab.harness.nemesis.Grudges;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One fault of an explicit fault list: from {@code startNanos} to {@code endNanos} after the load
 * starts, a partition by {@code grudge}, or {@code nodes} killed or paused.
 *
 * @param kind "partition", "kill" or "pause"
 * @param grudge for a partition: node -> the nodes it cannot hear from; else empty
 * @param nodes for a kill or pause: the nodes; else empty
 */
public record ScriptedFault(String kind, long startNanos, long endNanos, Map<String, Set<String>> grudge, List<String> nodes) {
  public static final String PARTITION = "partition";
  public static final String KILL = "kill";
  public static final String PAUSE = "pause";
  static final List<String> KINDS = List.of(PARTITION, KILL, PAUSE);

  public ScriptedFault {
    if (!KINDS.contains(kind)) throw new SpecException("a scripted fault is one of " + KINDS + ", not '" + kind + "'");
    if (startNanos < 0 || endNanos <= startNanos) {
      throw new SpecException("a scripted " + kind + " must end after it starts, at or after 0 s (" + startNanos / 1e9 + " s to "
          + endNanos / 1e9 + " s)");
    }
    Map<String, Set<String>> g = new TreeMap<>();
    grudge.forEach((n, from) -> {
      if (!from.isEmpty()) g.put(n, new TreeSet<>(from));
    });
    grudge = java.util.Collections.unmodifiableMap(g);
    nodes = List.copyOf(nodes);
    if (kind.equals(PARTITION) ? grudge.isEmpty() : nodes.isEmpty()) {
      throw new SpecException("a scripted " + kind + " needs " + (kind.equals(PARTITION) ? "a grudge" : "nodes"));
    }
  }

  public static ScriptedFault partition(long startNanos, long endNanos, Map<String, Set<String>> grudge) {
    return new ScriptedFault(PARTITION, startNanos, endNanos, grudge, List.of());
  }

  public static ScriptedFault onNodes(String kind, long startNanos, long endNanos, List<String> nodes) {
    return new ScriptedFault(kind, startNanos, endNanos, Map.of(), nodes);
  }

  public ScriptedFault withEnd(long newEndNanos) {
    return new ScriptedFault(kind, startNanos, newEndNanos, grudge, nodes);
  }

  /** The nodes this fault names (grudge keys and values, or the nodes). */
  public Set<String> nodesNamed() {
    Set<String> out = new TreeSet<>(nodes);
    grudge.forEach((n, from) -> {
      out.add(n);
      out.addAll(from);
    });
    return out;
  }

  /** What the fault does, for the history and the console, in the words of the nemesis's own faults. */
  public String describe(List<String> clusterNodes) {
    return switch (kind) {
      case PARTITION -> "scripted: " + Grudges.describe(grudge, clusterNodes);
      case KILL -> "killed " + String.join(" ", nodes) + " (scripted)";
      default -> "paused " + String.join(" ", nodes) + " (scripted)";
    };
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start", startNanos / 1e9);
    m.put("end", endNanos / 1e9);
    if (kind.equals(PARTITION)) {
      Map<String, Object> g = new LinkedHashMap<>();
      grudge.forEach((n, from) -> g.put(n, new ArrayList<>(from)));
      m.put(kind, g);
    } else {
      m.put(kind, nodes);
    }
    return m;
  }

  static ScriptedFault fromMap(Object o, int i) {
    if (!(o instanceof Map<?, ?> m)) throw new SpecException("fault " + i + " is not an object: " + o);
    if (!(m.get("start") instanceof Number s) || !(m.get("end") instanceof Number e)) {
      throw new SpecException("fault " + i + " needs numeric 'start' and 'end' (seconds after the load starts)");
    }
    long start = Math.round(s.doubleValue() * 1e9);
    long end = Math.round(e.doubleValue() * 1e9);
    for (String kind : KINDS) {
      Object v = m.get(kind);
      if (v == null) continue;
      if (kind.equals(PARTITION)) {
        if (!(v instanceof Map<?, ?> gm)) throw new SpecException("fault " + i + ": 'partition' is not a grudge (node -> nodes it cannot hear)");
        Map<String, Set<String>> grudge = new TreeMap<>();
        gm.forEach((node, from) -> grudge.put(node.toString(), new TreeSet<>(strings(from, i))));
        return partition(start, end, grudge);
      }
      return onNodes(kind, start, end, strings(v, i));
    }
    throw new SpecException("fault " + i + " names none of " + KINDS);
  }

  private static List<String> strings(Object v, int i) {
    if (!(v instanceof List<?> l)) throw new SpecException("fault " + i + ": expected a list of nodes, not " + v);
    return l.stream().map(Object::toString).toList();
  }
}
