package io.quorumlab.checkers.linear;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A single register that starts empty (nil): {@code read} returns the value, {@code write}
 * replaces it and, in the {@code cas-register} variant, {@code cas [old new]} replaces it when it
 * equals old. A cas that completed {@code fail} did not happen and never reaches the model.
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

  private RegisterModel(boolean cas) {
    this.cas = cas;
  }

  /** read / write. */
  public static RegisterModel register() {
    return new RegisterModel(false);
  }

  /** read / write / cas [old new], as Jepsen's etcd and Knossos's cas-register. */
  public static RegisterModel casRegister() {
    return new RegisterModel(true);
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
    return NIL;
  }

  @Override
  public Object step(Object state, Call call) {
    switch (call.f()) {
      case "read":
        if (!call.outputKnown()) return state;
        return state.equals(orNil(call.output())) ? state : null;
      case "write":
        return orNil(call.input());
      case "cas": {
        List<?> oldNew = oldNew(call);
        if (state.equals(orNil(oldNew.get(0)))) return orNil(oldNew.get(1));
        return call.outputKnown() ? null : state;
      }
      default:
        throw new IllegalArgumentException("model " + name() + " cannot check f '" + call.f() + "'");
    }
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
