package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.append.ListAppendAnalyzer;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.History;

/**
 * Elle's list-append checker (Kingsbury and Alvaro, VLDB 2020): transactions of
 * {@code ["append", k, v]} and {@code ["r", k, [v1 v2 ...]]} over lists with unique appended values.
 * Infers each key's version order from its reads, builds the ww/wr/rw dependency graph (plus
 * realtime or process order as the requested models need), finds witness cycles per anomaly type
 * in each strongly connected component, and the anomalies that need no cycle; then reports which
 * of the requested consistency models the history violates.
 */
public final class ListAppendChecker implements Checker {
  public static final String NAME = "list-append";

  private final ElleOptions options;

  public ListAppendChecker() {
    this(ElleOptions.defaults());
  }

  public ListAppendChecker(ElleOptions options) {
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
   * @throws MalformedHistoryException on a transaction list-append cannot interpret
   */
  @Override
  public CheckResult check(History history, CheckContext context) {
    long start = System.nanoTime();
    Txns txns = Txns.of(history);
    Analysis analysis = ListAppendAnalyzer.analyze(txns, ElleCheck.orderEdgesFor(options));
    return ElleCheck.run(NAME, analysis, options, context, start);
  }
}
