package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.Checker;
import java.util.List;

/** Configures the Elle checkers from command-line style options. */
public final class ElleCheckers {
  private ElleCheckers() {}

  /**
   * The same checker judging against {@code models}.
   *
   * @throws IllegalArgumentException when {@code checker} is not an Elle checker or a model is unknown
   */
  public static Checker withConsistencyModels(Checker checker, List<String> models) {
    if (checker instanceof ListAppendChecker la) return new ListAppendChecker(la.options().withConsistencyModels(models));
    if (checker instanceof RwRegisterChecker rw) return new RwRegisterChecker(rw.options().withConsistencyModels(models));
    throw new IllegalArgumentException("--consistency-models applies to the " + ListAppendChecker.NAME + " and "
        + RwRegisterChecker.NAME + " checkers, not " + checker.name());
  }
}
