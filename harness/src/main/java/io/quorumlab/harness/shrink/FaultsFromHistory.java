package io.quorumlab.harness.shrink;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.harness.nemesis.Grudges;
import io.quorumlab.harness.run.FaultScript;
import io.quorumlab.harness.run.ScriptedFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The faults a run went through, as a {@link FaultScript}, read from its history's nemesis ops:
 * each {@code start-<kind>} that took effect begins a fault, its {@code stop-<kind>} or the heal
 * ends it. What a partition did is in its op's value (the components, or who cannot hear whom),
 * what a kill or pause did likewise ("killed n2 n3 (minority)"). Faults of other kinds (a slow
 * network, and any the harness learns later) have no exact record: then there is no script.
 */
final class FaultsFromHistory {
  private FaultsFromHistory() {}

  /**
   * @param loadStartNanos when the load started: scripted times count from it
   * @param nodes the cluster's nodes
   * @return the script, or empty when a fault cannot be scripted
   */
  static Optional<FaultScript> of(History history, long loadStartNanos, List<String> nodes) {
    List<ScriptedFault> done = new ArrayList<>();
    Map<String, Open> open = new LinkedHashMap<>();
    for (Op op : history.ops()) {
      if (!op.isNemesis() || op.value() == null || op.error() != null) continue; // an invoke, or a fault that failed
      String f = op.f();
      long t = Math.max(0, op.time() - loadStartNanos);
      if (f.equals("heal")) {
        for (Open o : open.values()) close(o, t, done);
        open.clear();
      } else if (f.startsWith("start-")) {
        String kind = f.substring("start-".length());
        if (!List.of(ScriptedFault.PARTITION, ScriptedFault.KILL, ScriptedFault.PAUSE).contains(kind)) return Optional.empty();
        Open o = parse(kind, op.value().toString(), nodes, t);
        if (o == null) return Optional.empty();
        Open before = open.put(kind, o);
        if (before != null) close(before, t, done);
      } else if (f.startsWith("stop-")) {
        Open o = open.remove(f.substring("stop-".length()));
        if (o != null) close(o, t, done);
      }
    }
    // A run always heals; a history cut short leaves faults open: they end with the run.
    long end = history.ops().isEmpty() ? 0 : Math.max(0, history.ops().get(history.ops().size() - 1).time() - loadStartNanos);
    for (Open o : open.values()) close(o, end + 1, done);
    done.sort(java.util.Comparator.comparingLong(ScriptedFault::startNanos));
    return Optional.of(new FaultScript(done));
  }

  private record Open(String kind, long start, Map<String, Set<String>> grudge, List<String> nodes) {}

  private static void close(Open o, long end, List<ScriptedFault> done) {
    long e = Math.max(end, o.start + 1);
    if (o.kind.equals(ScriptedFault.PARTITION)) {
      if (!o.grudge.isEmpty()) done.add(ScriptedFault.partition(o.start, e, o.grudge));
    } else if (!o.nodes.isEmpty()) {
      done.add(ScriptedFault.onNodes(o.kind, o.start, e, o.nodes));
    }
  }

  /** The fault an op's value describes; null when it cannot be read. */
  static Open parse(String kind, String value, List<String> nodes, long start) {
    if (kind.equals(ScriptedFault.PARTITION)) {
      int colon = value.indexOf(": ");
      if (colon < 0) return null;
      Map<String, Set<String>> g = grudge(value.substring(colon + 2).strip(), nodes);
      return g == null ? null : new Open(kind, start, g, List.of());
    }
    // "killed n2 n3 (minority)", "paused n1 (scripted)"
    String v = value.strip();
    int space = v.indexOf(' ');
    int paren = v.lastIndexOf(" (");
    String list = space < 0 ? "" : (paren > space ? v.substring(space + 1, paren) : v.substring(space + 1)).strip();
    List<String> named = list.isEmpty() ? List.of() : Arrays.asList(list.split("\\s+"));
    if (!nodes.containsAll(named)) return null;
    return new Open(kind, start, Map.of(), named);
  }

  /** Reads what {@link Grudges#describe} wrote; null when it is not that. */
  static Map<String, Set<String>> grudge(String text, List<String> nodes) {
    if (text.equals("fully connected")) return Map.of();
    if (text.contains(" cannot hear ")) {
      Map<String, Set<String>> g = new TreeMap<>();
      for (String part : text.split("; ")) {
        String[] p = part.split(" cannot hear ", 2);
        if (p.length != 2) return null;
        Set<String> from = new TreeSet<>(Arrays.asList(p[1].strip().split(",")));
        if (!nodes.contains(p[0].strip()) || !nodes.containsAll(from)) return null;
        g.put(p[0].strip(), from);
      }
      return g;
    }
    List<Set<String>> components = new ArrayList<>();
    for (String c : text.split(" \\| ")) {
      Set<String> comp = new LinkedHashSet<>(Arrays.asList(c.strip().split("\\s+")));
      if (!nodes.containsAll(comp)) return null;
      components.add(comp);
    }
    return Grudges.complete(components);
  }
}
