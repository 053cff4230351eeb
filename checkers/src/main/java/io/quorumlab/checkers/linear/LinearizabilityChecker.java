package io.quorumlab.checkers.linear;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.history.History;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a history is linearizable with respect to a {@link Model}: splits it by key
 * (P-compositionality; the keys of jepsen.independent [key value] tuples too), searches each key
 * with {@link WglSearch} on two threads, and explains every key that is not linearizable. Without
 * a model it picks the first registered model that knows all the history's functions.
 */
public final class LinearizabilityChecker implements Checker {
  private final Model<?> model;
  private final boolean allKeys;
  /** The initial value asked for, or null when none was: applied to a model chosen per history. */
  private final Start start;

  private record Start(Object value) {}

  /** Chooses the model from the history's functions (read/write -> register, get/put/append -> kv, ...). */
  public LinearizabilityChecker() {
    this(null);
  }

  public LinearizabilityChecker(Model<?> model) {
    this(model, false);
  }

  /**
   * @param allKeys search every key even after one is found non-linearizable (to count them all);
   *     by default the search stops there, as the verdict is then known
   */
  public LinearizabilityChecker(Model<?> model, boolean allKeys) {
    this(model, allKeys, null);
  }

  private LinearizabilityChecker(Model<?> model, boolean allKeys, Start start) {
    this.model = model;
    this.allKeys = allKeys;
    this.start = start;
  }

  /** This checker, searching every key even after one is found non-linearizable. */
  public LinearizabilityChecker withAllKeys() {
    return new LinearizabilityChecker(model, true, start);
  }

  /**
   * This checker with the object starting at {@code value} ({@link Model#startingAt}), each key's
   * when there are several.
   *
   * @throws IllegalArgumentException when the model takes no initial value (a model chosen per
   *     history is tried when the history is checked)
   */
  public LinearizabilityChecker startingAt(Object value) {
    return new LinearizabilityChecker(model == null ? null : model.startingAt(value), allKeys, new Start(value));
  }

  @Override
  public String name() {
    return "linearizable";
  }

  /** The model, or null when it is chosen per history. */
  public Model<?> model() {
    return model;
  }

  /**
   * @throws IllegalArgumentException when the history has functions the model does not know
   *     (or, without a model, no registered model knows them all)
   */
  @Override
  public CheckResult check(History history, CheckContext context) {
    Optional<String> nothing = history.nothingToCheck();
    if (nothing.isPresent()) return CheckResult.nothingToCheck(name(), nothing.get());
    Model<?> m = model != null ? model : chooseModel(history);
    if (model == null && start != null) m = m.startingAt(start.value());
    boolean independent = IndependentTuples.recognise(history);
    List<KeyHistory> keys = Partitioner.split(history, m, independent);
    if (keys.stream().noneMatch(KeyHistory::hasOkCall)) {
      int operations = keys.stream().mapToInt(k -> k.operations().size()).sum();
      return CheckResult.nothingToCheck(name(), "none of the " + operations + " client operations completed ok, so nothing was observed");
    }
    Budget budget = new Budget(context.timeBudget().toNanos(), context.memoryBudgetBytes());
    long started = System.nanoTime();
    SearchResult[] results = KeyScheduler.searchAll(m, keys, allKeys, budget, context);
    long nanos = System.nanoTime() - started;
    return ResultReport.report(name(), m, independent, keys, results, nanos, context);
  }

  static Model<?> chooseModel(History history) {
    Set<String> fs = new LinkedHashSet<>();
    history.ops().forEach(op -> {
      if (!op.isNemesis()) fs.add(op.f());
    });
    for (String name : Models.names()) {
      Model<?> candidate = Models.byName(name);
      if (candidate.functions().containsAll(fs)) return candidate;
    }
    throw new IllegalArgumentException("no linearizability model knows the functions " + fs + "; models: "
        + String.join(", ", Models.names()) + " (or choose another checker)");
  }
}
