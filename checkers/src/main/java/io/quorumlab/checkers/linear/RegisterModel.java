package io.quorumlab.checkers.linear;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A single register that starts empty (nil), or at a value given with {@link #startingAt}:
 * {@code read} returns the value, {@code write} replaces it and, in the {@code cas-register}
 * variant, {@code cas [old new]} replaces it when it equals old. A cas that completed {@code fail}
 * did not happen and never reaches the model.
 */
public final class RegisterModel implements Model<Object> {
  /** The empty register's state (a read returns nil). */
  static final Object NIL = new Object() {
    @Override
    public String toString() {
      return "nil";
    }
  };

  private final boolean cas;
  private final Object initial;
  private final boolean initialGiven;

  private RegisterModel(boolean cas, Object initial, boolean initialGiven) {
    this.cas = cas;
    this.initial = initial;
    this.initialGiven = initialGiven;
  }

  /** read / write. */
  public static RegisterModel register() {
    return new RegisterModel(false, NIL, false);
  }

  /** read / write / cas [old new], as Jepsen's etcd and Knossos's cas-register. */
  public static RegisterModel casRegister() {
    return new RegisterModel(true, NIL, false);
  }

  /** The same register starting at {@code value} (nil for null). */
  @Override
  public RegisterModel startingAt(Object value) {
    return new RegisterModel(cas, orNil(Call.normalise(value)), true);
  }

  /** Whether the register starts at nil only because no initial value was given. */
  boolean startsAtNilByDefault() {
    return !initialGiven;
  }

  @Override
  public String name() {
    return cas ? "cas-register" : "register";
  }

  @Override
  public Set<String> functions() {
    return cas ? Set.of("read", "write", "cas") : Set.of("read", "write");
  }

  @Override
  public Object initial() {
    return initial;
  }

  @Override
  public Object step(Object state, Call call) {
    // the search's hottest call: one char compared, then equals, instead of a string switch
    String f = call.f();
    char first = f.isEmpty() ? ' ' : f.charAt(0);
    if (first == 'r' && f.equals("read")) {
      if (!call.outputKnown()) return state;
      return state.equals(orNil(call.output())) ? state : null;
    }
    if (first == 'w' && f.equals("write")) return orNil(call.input());
    if (first == 'c' && f.equals("cas")) {
      List<?> oldNew = oldNew(call);
      if (state.equals(orNil(oldNew.get(0)))) return orNil(oldNew.get(1));
      return call.outputKnown() ? null : state;
    }
    throw new IllegalArgumentException("model " + name() + " cannot check f '" + f + "'");
  }

  /** A step reads nothing of an indeterminate call but its f and input. */
  @Override
  public boolean interchangeable(Call a, Call b) {
    return a.sameIndeterminateInvocation(b);
  }

  /**
   * An indeterminate write or cas whose new value no ok read returned and no cas expected. Proof
   * that leaving one out loses nothing: in a linearization where it takes effect, the register
   * holds its value v until the next call that changes it, and until then every call fits state v:
   * no ok read (none returns v), no ok cas (none expects v), so only indeterminate cas calls that
   * did nothing. The next change is therefore a write (a cas would expect v), which does not
   * depend on the state before it. Take out the call and those cas calls (they may take effect
   * never), and every other call sees the state it saw.
   */
  @Override
  public Predicate<Call> unobservable(List<Call> calls) {
    Set<Object> observed = new HashSet<>();
    for (Call c : calls) {
      if (c.f().equals("read") && c.outputKnown()) observed.add(orNil(c.output()));
      else if (c.f().equals("cas")) observed.add(orNil(oldNew(c).get(0)));
    }
    return c -> {
      if (c.outputKnown()) return false;
      if (c.f().equals("write")) return !observed.contains(orNil(c.input()));
      return c.f().equals("cas") && !observed.contains(orNil(oldNew(c).get(1)));
    };
  }

  @Override
  public boolean isReadOnly(Call call) {
    return call.f().equals("read");
  }

  @Override
  public String describe(Object state) {
    return String.valueOf(state);
  }

  @Override
  public String describe(Call call) {
    String s = switch (call.f()) {
      case "read" -> call.outputKnown() ? "read returned " + str(call.output()) : "read";
      case "write" -> "write " + str(call.input());
      case "cas" -> "cas " + str(oldNew(call).get(0)) + "→" + str(oldNew(call).get(1));
      default -> call.f() + " " + str(call.input());
    };
    return call.outputKnown() ? s : s + " (indeterminate)";
  }

  private static List<?> oldNew(Call call) {
    if (call.input() instanceof List<?> l && l.size() == 2) return l;
    throw new IllegalArgumentException("cas needs the value [old new], found " + call.input() + " (" + call.where() + ")");
  }

  private static Object orNil(Object v) {
    return v == null ? NIL : v;
  }

  private static String str(Object v) {
    return Objects.toString(v, "nil");
  }
}
