package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, in one register, writes that took effect after their client gave up: a write that
 * completed {@code info}, the only writer of its value, observed by an op that began after a write
 * B was known, B having begun after the client gave up. Whatever linearization there is, the
 * observed write is the last before the observer and B precedes the observer, so the write came
 * after B. These are not anomalies; the report shows them because they look like one.
 */
final class LateEffects {
  private LateEffects() {}

  static List<LateEffect> find(RegisterKey register, KnownWrites known) {
    Map<Writer, LateEffect> latest = new IdentityHashMap<>();
    Map<Writer, Long> firstSeen = new IdentityHashMap<>();
    for (Operation o : register.observers()) {
      Writer w = register.onlyWriterOf(RegisterKey.observed(o));
      if (w == null || w.isInitial() || w.op().isOpen() || !w.op().isIndeterminate()) continue;
      long seen = o.completion().time();
      if (seen >= 0) firstSeen.merge(w, seen, Math::min);
      long gaveUp = w.op().completion().time();
      Known b = known.latestStartedBefore(o.invokeIndex());
      if (gaveUp < 0 || b == null) continue;
      long late = Times.startOf(b.writer().op().invoke()) - gaveUp;
      if (late <= 0) continue;
      LateEffect e = new LateEffect(register.key(), w, o, b, late, -1);
      latest.merge(w, e, (x, y) -> y.lateNanos() > x.lateNanos() ? y : x);
    }
    List<LateEffect> result = new ArrayList<>();
    for (LateEffect e : latest.values()) {
      Long seen = firstSeen.get(e.write());
      long by = seen == null ? -1 : seen - e.giveUpNanos();
      result.add(new LateEffect(e.key(), e.write(), e.observer(), e.before(), e.lateNanos(), by));
    }
    result.sort(Comparator.comparingLong(e -> e.write().invokeIndex()));
    return result;
  }
}
