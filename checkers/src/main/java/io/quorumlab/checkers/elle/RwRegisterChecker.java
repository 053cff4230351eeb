package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.register.RwRegisterAnalyzer;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.History;

/**
 * Elle's rw-register checker: transactions of {@code ["w", k, v]} and {@code ["r", k, v]} over
 * registers with unique written values. Infers what version orders it soundly can (see
 * {@link RwRegisterAnalyzer}), then searches the dependency graph for cycles as
 * {@link ListAppendChecker} does.
 */
public final class RwRegisterChecker implements Checker {
  public static final String NAME = "rw-register";

  private final ElleOptions options;

  public RwRegisterChecker() {
    this(ElleOptions.defaults());
  }

  public RwRegisterChecker(ElleOptions options) {
    this.options = options;
  }

  @Override
  public String name() {
    return NAME;
  }

  public ElleOptions options() {
    return options;
  }

  /**
   * @throws MalformedHistoryException on a transaction rw-register cannot interpret
   */
  @Override
  public CheckResult check(History history, CheckContext context) {
    long start = System.nanoTime();
    Txns txns = Txns.of(history);
    Analysis analysis = RwRegisterAnalyzer.analyze(txns, options, ElleCheck.orderEdgesFor(options));
    return ElleCheck.run(NAME, analysis, options, context, start);
  }
}
