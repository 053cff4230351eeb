package io.quorumlab.checkers.stale;

import io.quorumlab.checkers.history.Operation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One key's register as the stale-read rule sees it: who may have written each value (writes and
 * cas that did not fail, and the initial nil), which writes became known when, and the completed
 * reads to judge. Operations are those {@link StaleReadChecker} accepted: read, write, cas.
 */
final class RegisterKey {
  static final String READ = "read";
  static final String WRITE = "write";
  static final String CAS = "cas";

  private final Object key;
  private final Map<Object, List<Writer>> writersOf = new HashMap<>();
  private final List<Operation> reads = new ArrayList<>();
  /** Completed ops that saw a value: ok reads (the value returned) and ok cas (the value matched). */
  private final List<Operation> observers = new ArrayList<>();
  private final Map<Writer, Known> known = new IdentityHashMap<>();

  RegisterKey(Object key, List<Operation> ops) {
    this.key = key;
    writersOf.computeIfAbsent(null, v -> new ArrayList<>()).add(Writer.initial());
    for (Operation o : ops) {
      switch (o.f()) {
        case READ -> {
          if (o.isOk()) {
            reads.add(o);
            observers.add(o);
          }
        }
        case WRITE -> addWriter(o, o.invoke().value());
        case CAS -> {
          addWriter(o, casPart(o, 1));
          if (o.isOk()) observers.add(o);
        }
        default -> throw new IllegalStateException("the checker accepts read, write and cas only, not " + o.f());
      }
    }
    for (List<Writer> ws : writersOf.values()) {
      for (Writer w : ws) if (w.ack() != null) known.put(w, new Known(w, w.ack(), null));
    }
    for (Operation o : observers) {
      Writer only = onlyWriterOf(observed(o));
      if (only != null && !only.isInitial()) known.merge(only, new Known(only, o.completion(), o), Known::earlier);
    }
  }

  private void addWriter(Operation o, Object value) {
    if (!o.isFail()) writersOf.computeIfAbsent(Values.norm(value), v -> new ArrayList<>()).add(new Writer(Values.norm(value), o));
  }

  Object key() {
    return key;
  }

  /** The ok reads, in invocation order. */
  List<Operation> reads() {
    return reads;
  }

  List<Operation> observers() {
    return observers;
  }

  /** Every writer that may have put {@code value} in the register (nil: the initial value too); empty when none. */
  List<Writer> writersOf(Object value) {
    return writersOf.getOrDefault(Values.norm(value), List.of());
  }

  /** The one writer of {@code value}, or null when there are none or several. */
  Writer onlyWriterOf(Object value) {
    List<Writer> ws = writersOf(value);
    return ws.size() == 1 ? ws.get(0) : null;
  }

  /** When each write became known, for the writes that did. */
  Collection<Known> known() {
    return known.values();
  }

  /** The value an observer saw: what a read returned, what a cas matched. */
  static Object observed(Operation o) {
    return o.f().equals(CAS) ? casPart(o, 0) : o.completion().value();
  }

  /** The old (0) or new (1) value of a cas; the checker has refused any other shape. */
  static Object casPart(Operation o, int i) {
    return ((List<?>) o.invoke().value()).get(i);
  }
}
