package io.quorumlab.checkers.registry;

import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.ElleAnalyzer;
import io.quorumlab.checkers.elle.ElleChecker;
import io.quorumlab.checkers.linear.LinearizabilityChecker;
import io.quorumlab.checkers.linear.Models;
import io.quorumlab.checkers.set.SetChecker;
import io.quorumlab.checkers.stale.StaleReadChecker;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checkers by name, for the command line and the workloads. To add one, add a line to the static
 * block below. It lives in its own package so that no checker package depends on the catalogue
 * of all of them.
 */
public final class CheckerRegistry {
  private static final Map<String, Supplier<Checker>> CHECKERS = new LinkedHashMap<>();

  static {
    // "linearizable" picks its model from the history's functions.
    CHECKERS.put("linearizable", LinearizabilityChecker::new);
    for (String model : Models.names()) CHECKERS.put("linearizable-" + model, () -> linearizable(model));
    CHECKERS.put(SetChecker.NAME, SetChecker::new);
    CHECKERS.put(StaleReadChecker.NAME, StaleReadChecker::new);
    CHECKERS.put(ElleAnalyzer.LIST_APPEND.checkerName(), () -> new ElleChecker(ElleAnalyzer.LIST_APPEND));
    CHECKERS.put(ElleAnalyzer.RW_REGISTER.checkerName(), () -> new ElleChecker(ElleAnalyzer.RW_REGISTER));
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

  /** The linearizability checker with the named model. */
  public static Checker linearizable(String modelName) {
    return new LinearizabilityChecker(Models.byName(modelName));
  }
}
