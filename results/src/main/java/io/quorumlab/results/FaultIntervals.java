package io.quorumlab.results;

import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.OpType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives fault intervals from the nemesis ops of a history.
 *
 * <p>A fault of kind X is in force from the first {@code start-X} to the last {@code stop-X} that
 * follows it before the next {@code start-X}. So both conventions work: one op per transition, or
 * Jepsen's invoke/info pair per transition (the pair's completion may carry the description, e.g.
 * the partition's halves, and the stop's completion marks the moment the heal finished). Jepsen's
 * {@code kill}/{@code start} and {@code pause}/{@code resume} pairs are understood too. A failed
 * ({@code fail}) start means the fault never took hold and opens nothing. A fault never stopped
 * ends at the end of the heal phase, or else at the last op of the history.
 */
final class FaultIntervals {
  private FaultIntervals() {}

  private static final class Open {
    final String kind;
    final long start;
    String description;
    long stop = -1;

    Open(String kind, long start, String description) {
      this.kind = kind;
      this.start = start;
      this.description = description;
    }
  }

  public static List<FaultInterval> of(History history, List<Phase> phases) {
    List<FaultInterval> out = new ArrayList<>();
    Map<String, Open> open = new LinkedHashMap<>();
    long lastTime = 0;
    for (Op op : history.ops()) {
      lastTime = Math.max(lastTime, op.time());
      if (!op.isNemesis() || op.f() == null || op.time() < 0) continue;
      Transition t = Transition.of(op.f());
      if (t == null) continue;
      Open cur = open.get(t.kind);
      if (t.start) {
        if (op.type() == OpType.FAIL) {
          if (cur != null && cur.stop < 0) open.remove(t.kind);
          continue;
        }
        if (cur != null && cur.stop >= 0) {
          out.add(close(cur, cur.stop));
          cur = null;
        }
        if (cur == null) {
          open.put(t.kind, new Open(t.kind, op.time(), describe(op.value())));
        } else {
          String d = describe(op.value());
          if (d != null) cur.description = d;
        }
      } else if (cur != null && op.type() != OpType.FAIL) {
        cur.stop = op.time();
      }
    }
    long end = phases.stream().filter(p -> p.name().equals(Phase.HEAL)).mapToLong(Phase::endNanos).findFirst().orElse(lastTime);
    for (Open o : open.values()) {
      out.add(o.stop >= 0 ? close(o, o.stop) : close(o, Math.max(o.start, end)));
    }
    out.sort(Comparator.comparingLong(FaultInterval::startNanos).thenComparing(FaultInterval::kind));
    return out;
  }

  private static FaultInterval close(Open o, long end) {
    return new FaultInterval(o.kind, o.description == null ? o.kind : o.description, o.start, end);
  }

  private static String describe(Object value) {
    if (value == null) return null;
    String s = String.valueOf(value).strip();
    if (s.isEmpty() || s.equals(":start") || s.equals(":stop")) return null;
    return s.length() > 200 ? s.substring(0, 197) + "..." : s;
  }

  private record Transition(String kind, boolean start) {
    static Transition of(String f) {
      String g = f.startsWith(":") ? f.substring(1) : f;
      if (g.startsWith("start-") && g.length() > 6) return new Transition(g.substring(6), true);
      if (g.startsWith("stop-") && g.length() > 5) return new Transition(g.substring(5), false);
      return switch (g) {
        case "kill" -> new Transition("kill", true);
        case "start", "restart" -> new Transition("kill", false);
        case "pause" -> new Transition("pause", true);
        case "resume" -> new Transition("pause", false);
        default -> null;
      };
    }
  }
}
