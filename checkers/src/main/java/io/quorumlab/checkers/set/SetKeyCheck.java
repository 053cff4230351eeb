package io.quorumlab.checkers.set;

import io.quorumlab.checkers.history.Op;
import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The set checks of one key. Real-time order comes from history positions: an op that completed at
 * a lower index than another's invocation finished before the other began.
 */
final class SetKeyCheck {
  static final String ADD = "add";
  static final String READ = "read";

  private final Object key;
  private final Map<Long, Operation> addOf = new HashMap<>();
  private final List<Read> reads = new ArrayList<>();
  private final List<SetAnomaly> anomalies = new ArrayList<>();
  private long acknowledged;
  private boolean judged = true;

  /** An ok read and its elements. */
  private record Read(Op invoke, Op completion, Set<Long> elements) {}

  /**
   * @param healedAt the index of the history's last heal op, or -1 when it has none: only a read
   *     that began after it can be the key's final read
   */
  SetKeyCheck(Object key, List<Operation> operations, long healedAt) {
    this.key = key;
    for (Operation o : operations) {
      if (ADD.equals(o.f())) {
        Long element = asLong(o.invoke().value());
        if (element != null) addOf.put(element, o);
        if (o.isOk()) acknowledged++;
      } else if (READ.equals(o.f()) && o.isOk()) {
        reads.add(new Read(o.invoke(), o.completion(), elements(o.completion())));
      }
    }
    reads.sort(Comparator.comparingLong(r -> r.invoke().index()));
    checkFinalRead(healedAt);
    checkReadElements();
    checkReappeared();
  }

  List<SetAnomaly> anomalies() {
    return anomalies;
  }

  long acknowledgedAdds() {
    return acknowledged;
  }

  long attemptedAdds() {
    return addOf.size();
  }

  /** False when acknowledged adds exist but no final read could show whether they survived. */
  boolean judged() {
    return judged;
  }

  /**
   * An add is lost when absent from the key's final read. A read taken while faults were in force
   * (or before hinted handoff could deliver) may legitimately miss acknowledged adds under an
   * eventually consistent store, so when the history records a heal only a read after it counts.
   */
  private void checkFinalRead(long healedAt) {
    Read last = reads.isEmpty() ? null : reads.get(reads.size() - 1);
    if (last == null || last.invoke().index() < healedAt) {
      judged = acknowledged == 0;
      return;
    }
    for (Map.Entry<Long, Operation> e : sortedAdds()) {
      Operation add = e.getValue();
      if (add.isOk() && add.completeIndex() < last.invoke().index() && !last.elements().contains(e.getKey())) {
        anomalies.add(new SetAnomaly(SetAnomaly.Kind.LOST, key, e.getKey(), add.invoke(), add.completion(), last.completion(), null, null));
      }
    }
  }

  private void checkReadElements() {
    Set<Long> reported = new HashSet<>();
    for (Read r : reads) {
      for (Long element : new TreeSet<>(r.elements())) {
        if (reported.contains(element)) continue;
        Operation add = addOf.get(element);
        if (add == null) {
          anomalies.add(new SetAnomaly(SetAnomaly.Kind.UNEXPECTED, key, element, null, null, r.completion(), null, null));
          reported.add(element);
        } else if (add.isFail()) {
          anomalies.add(new SetAnomaly(SetAnomaly.Kind.FAILED_PRESENT, key, element, add.invoke(), add.completion(), r.completion(), null, null));
          reported.add(element);
        }
      }
    }
  }

  /**
   * Present in read A, absent from read B that began after A ended, present in read C that began
   * after B ended. Choosing A and B greedily by earliest end finds such a triple whenever one exists.
   */
  private void checkReappeared() {
    for (Map.Entry<Long, Operation> e : sortedAdds()) {
      long element = e.getKey();
      Read a = null;
      for (Read r : reads) {
        if (r.elements().contains(element) && (a == null || r.completion().index() < a.completion().index())) a = r;
      }
      if (a == null) continue;
      Read b = null;
      for (Read r : reads) {
        if (r.invoke().index() > a.completion().index() && !r.elements().contains(element)
            && (b == null || r.completion().index() < b.completion().index())) b = r;
      }
      if (b == null) continue;
      for (Read r : reads) {
        if (r.invoke().index() > b.completion().index() && r.elements().contains(element)) {
          anomalies.add(new SetAnomaly(SetAnomaly.Kind.REAPPEARED, key, element, e.getValue().invoke(), e.getValue().completion(),
              a.completion(), b.completion(), r.completion()));
          break;
        }
      }
    }
  }

  /**
   * The elements a read returned; nil is the empty set.
   *
   * @throws IllegalArgumentException when the read returned something else than a collection: it
   *     cannot be judged, and taking it for empty would report every add as lost
   */
  private static Set<Long> elements(Op read) {
    Set<Long> result = new HashSet<>();
    Object value = read.value();
    if (value == null) return result;
    if (!(value instanceof Iterable<?> it)) {
      throw new IllegalArgumentException("the read at op " + read.index() + " (process " + read.process() + ") returned " + value
          + ", not a collection of elements; the set checker reads sets");
    }
    for (Object o : it) {
      Long l = asLong(o);
      if (l != null) result.add(l);
    }
    return result;
  }

  private static Long asLong(Object o) {
    return o instanceof Number n ? n.longValue() : null;
  }

  /** The adds in element order, so that reports list anomalies deterministically. */
  private List<Map.Entry<Long, Operation>> sortedAdds() {
    List<Map.Entry<Long, Operation>> list = new ArrayList<>(addOf.entrySet());
    list.sort(Map.Entry.comparingByKey());
    return list;
  }
}
