package io.quorumlab.checkers;

import io.quorumlab.checkers.linear.KvModel;
import io.quorumlab.checkers.linear.LinearizabilityChecker;
import io.quorumlab.checkers.linear.Model;
import io.quorumlab.checkers.linear.RegisterModel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checkers and linearizability models by name, for the command line and the workloads. To add
 * one, add a line to the static block below.
 */
public final class CheckerRegistry {
  private static final Map<String, Supplier<Checker>> CHECKERS = new LinkedHashMap<>();
  private static final Map<String, Supplier<Model<?>>> MODELS = new LinkedHashMap<>();

  static {
    // Models, in the order the linearizability checker tries them when none is named.
    MODELS.put("register", RegisterModel::register);
    MODELS.put("cas-register", RegisterModel::casRegister);
    MODELS.put("kv", KvModel::new);

    // Checkers. "linearizable" picks its model from the history's functions.
    CHECKERS.put("linearizable", LinearizabilityChecker::new);
    for (String model : MODELS.keySet()) CHECKERS.put("linearizable-" + model, () -> linearizable(model));
    CHECKERS.put(io.quorumlab.checkers.set.SetChecker.NAME, io.quorumlab.checkers.set.SetChecker::new);
    CHECKERS.put(io.quorumlab.checkers.stale.StaleReadChecker.NAME, io.quorumlab.checkers.stale.StaleReadChecker::new);
    CHECKERS.put(io.quorumlab.checkers.elle.ListAppendChecker.NAME, io.quorumlab.checkers.elle.ListAppendChecker::new);
    CHECKERS.put(io.quorumlab.checkers.elle.RwRegisterChecker.NAME, io.quorumlab.checkers.elle.RwRegisterChecker::new);
  }

  private CheckerRegistry() {}

  /**
   * @throws IllegalArgumentException naming the known checkers when {@code name} is not one
   */
  public static Checker checker(String name) {
    Supplier<Checker> s = CHECKERS.get(name);
    if (s == null) throw new IllegalArgumentException("unknown checker '" + name + "' (known: " + String.join(", ", CHECKERS.keySet()) + ")");
    return s.get();
  }

  public static Set<String> checkerNames() {
    return Collections.unmodifiableSet(CHECKERS.keySet());
  }

  /**
   * @throws IllegalArgumentException naming the known models when {@code name} is not one
   */
  public static Model<?> model(String name) {
    Supplier<Model<?>> s = MODELS.get(name);
    if (s == null) throw new IllegalArgumentException("unknown model '" + name + "' (known: " + String.join(", ", MODELS.keySet()) + ")");
    return s.get();
  }

  public static Set<String> modelNames() {
    return Collections.unmodifiableSet(MODELS.keySet());
  }

  /** The linearizability checker with the named model. */
  public static Checker linearizable(String modelName) {
    return new LinearizabilityChecker(model(modelName));
  }
}
