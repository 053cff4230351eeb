package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.Operation;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a dead end into words a person can follow: the longest linearizable prefix, the call that
 * cannot be placed after it and why (the states possible at that point and who set them), and
 * the other pending calls that cannot go first either.
 */
final class Counterexample {
  private static final int PREFIX_TAIL = 4;
  private static final int PENDING_SHOWN = 6;
  private static final int STATES_SHOWN = 3;

  private final Model<Object> model;
  private final KeyHistory key;
  private final DeadEnd dead;
  private List<String> lines;

  @SuppressWarnings("unchecked")
  Counterexample(Model<?> model, KeyHistory key, DeadEnd dead) {
    this.model = (Model<Object>) model;
    this.key = key;
    this.dead = dead;
  }

  static String keyName(Object key) {
    if (key == null) return "the register";
    return key instanceof String s ? "key \"" + s + "\"" : "key " + key;
  }

  /** Explanation lines, starting with a heading naming the key (worded once). */
  List<String> lines() {
    if (lines == null) lines = List.copyOf(words());
    return lines;
  }

  private List<String> words() {
    List<String> out = new ArrayList<>();
    Call[] calls = key.calls();
    DeadEnd.Order longest = dead.longest();
    int[] prefix = longest.calls();
    out.add(keyName(key.key()) + " is not linearizable (" + model.name() + " model, " + calls.length + " calls):");
    int okInPrefix = 0;
    for (int c : prefix) if (calls[c].outputKnown()) okInPrefix++;
    int okTotal = 0;
    for (Call c : calls) if (c.outputKnown()) okTotal++;
    StringBuilder p = new StringBuilder("  longest linearizable prefix: " + okInPrefix + " of " + okTotal + " completed calls");
    if (prefix.length > okInPrefix) p.append(" and ").append(prefix.length - okInPrefix).append(" indeterminate");
    if (prefix.length > 0) {
      p.append(prefix.length > PREFIX_TAIL ? ", ending " : ": ");
      for (int i = Math.max(0, prefix.length - PREFIX_TAIL); i < prefix.length; i++) {
        if (i > Math.max(0, prefix.length - PREFIX_TAIL)) p.append(", then ");
        p.append(describe(calls[prefix[i]]));
      }
    }
    out.add(p.toString());
    Call blocked = calls[dead.blocked()];
    out.add("  cannot be placed next: " + describe(blocked) + ". It must take effect before it returns, but "
        + possibleStates() + ", and it is impossible in " + (dead.orders().size() == 1 ? "that state" : "each of them") + ".");
    List<String> impossible = new ArrayList<>();
    List<String> leadNowhere = new ArrayList<>();
    for (int c : dead.pending()) {
      if (c == dead.blocked()) continue;
      boolean fitsSomewhere = false;
      for (DeadEnd.Order o : dead.orders()) fitsSomewhere |= model.step(o.state(), calls[c]) != null;
      (fitsSomewhere ? leadNowhere : impossible).add(describe(calls[c]));
    }
    if (!impossible.isEmpty()) out.add("  no other pending call can take effect first either: " + shorten(impossible) + ".");
    if (!leadNowhere.isEmpty()) {
      out.add("  " + (impossible.isEmpty() ? "the other pending calls" : "the remaining ones") + " can take effect first, but every"
          + " way on from there was explored and fails too: " + shorten(leadNowhere) + ".");
    }
    if (readsAnotherStartingValue(blocked)) {
      out.add("  the register was assumed to start at nil; if the system under test starts it at a known value (Jepsen's register"
          + " tests do), give that value: --initial-value " + Histories.toEdn(blocked.output()));
    }
    return out;
  }

  /**
   * Whether the blocked call is a read that contradicts the state the register started at, which
   * nobody chose: nothing had changed the state in any order that reached this point.
   */
  private boolean readsAnotherStartingValue(Call blocked) {
    if (!(model instanceof RegisterModel r) || !r.startsAtNilByDefault()) return false;
    if (!blocked.outputKnown() || !model.isReadOnly(blocked)) return false;
    for (DeadEnd.Order o : dead.orders()) if (setter(o) >= 0) return false;
    return true;
  }

  private static String shorten(List<String> items) {
    String shown = String.join("; ", items.subList(0, Math.min(PENDING_SHOWN, items.size())));
    return items.size() > PENDING_SHOWN ? shown + "; and " + (items.size() - PENDING_SHOWN) + " more" : shown;
  }

  /** "at that point the state is 3, set by write 3 (process 2, index 50-55)". */
  private String possibleStates() {
    List<String> states = new ArrayList<>();
    List<DeadEnd.Order> orders = dead.orders();
    for (DeadEnd.Order o : orders.subList(0, Math.min(STATES_SHOWN, orders.size()))) {
      int setter = setter(o);
      String by = setter < 0 ? "the initial state" : "set by " + describe(key.calls()[setter]);
      states.add(model.describe(o.state()) + ", " + by);
    }
    String more = orders.size() > STATES_SHOWN ? "; or " + (orders.size() - STATES_SHOWN) + " other states" : "";
    return "at that point the state is " + String.join("; or ", states) + more + (orders.size() > 1 ? " (depending on the order)" : "");
  }

  /** The last call in the order that changed the state, or -1 when the state is the initial one. */
  static int setter(DeadEnd.Order o) {
    Object[] s = o.statesBefore();
    for (int i = o.calls().length - 1; i >= 0; i--) {
      if (!s[i + 1].equals(s[i])) return o.calls()[i];
    }
    return -1;
  }

  private String describe(Call c) {
    return model.describe(c) + " (" + c.where() + ")";
  }

  /** The counterexample as plain data for --json and results.json. */
  Map<String, Object> toMap() {
    Call[] calls = key.calls();
    Map<String, Object> m = new LinkedHashMap<>();
    int[] prefixCalls = dead.longest().calls();
    // a view, described only when read (written to results.json): a check that nobody reads in
    // full should not describe hundreds of calls
    List<Object> prefix = new AbstractList<>() {
      @Override
      public Object get(int i) {
        return op(calls[prefixCalls[i]]);
      }

      @Override
      public int size() {
        return prefixCalls.length;
      }
    };
    m.put("prefix-length", prefix.size());
    m.put("prefix-completed", dead.longest().calls().length == 0 ? 0 : (int) java.util.Arrays.stream(dead.longest().calls()).filter(c -> calls[c].outputKnown()).count());
    m.put("calls", calls.length);
    m.put("blocked", op(calls[dead.blocked()]));
    List<Object> states = new ArrayList<>();
    for (DeadEnd.Order o : dead.orders()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("state", model.describe(o.state()));
      int setter = setter(o);
      s.put("set-by", setter < 0 ? null : op(calls[setter]));
      states.add(s);
    }
    m.put("states", states);
    List<Object> pending = new ArrayList<>();
    for (int c : dead.pending()) if (c != dead.blocked()) pending.add(op(calls[c]));
    m.put("pending", pending);
    m.put("prefix", prefix);
    m.put("text", lines());
    return m;
  }

  private Map<String, Object> op(Call c) {
    Operation o = c.op();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("process", o.isNemesis() ? "nemesis" : o.process());
    m.put("f", c.f());
    m.put("description", model.describe(c));
    m.put("invoke-index", o.invokeIndex());
    m.put("complete-index", o.completion() == null ? null : o.completion().index());
    m.put("type", o.outcome().wireName());
    return m;
  }
}
