package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.Checker;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.txn.MalformedHistoryException;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.History;
import io.quorumlab.checkers.history.HistoryFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An Elle checker (Kingsbury and Alvaro, VLDB 2020), list-append or rw-register by its
 * {@link ElleAnalyzer}: the analyzer infers version orders, the ww/wr/rw dependency graph (plus
 * realtime or process order as the requested models need) and the anomalies that need no cycle;
 * then witness cycles are found per anomaly type in each strongly connected component, and the
 * result says which of the requested consistency models the history violates.
 */
public final class ElleChecker implements Checker {
  private final ElleAnalyzer analyzer;
  private final ElleOptions options;

  public ElleChecker(ElleAnalyzer analyzer) {
    this(analyzer, ElleOptions.defaults());
  }

  public ElleChecker(ElleAnalyzer analyzer, ElleOptions options) {
    this.analyzer = analyzer;
    this.options = options;
  }

  @Override
  public String name() {
    return analyzer.checkerName();
  }

  public ElleAnalyzer analyzer() {
    return analyzer;
  }

  public ElleOptions options() {
    return options;
  }

  /**
   * The same checker judging against {@code models}.
   *
   * @throws IllegalArgumentException naming an unknown model
   */
  public ElleChecker withConsistencyModels(List<String> models) {
    return new ElleChecker(analyzer, options.withConsistencyModels(models));
  }

  /**
   * @throws MalformedHistoryException on a transaction the analyzer cannot interpret
   */
  @Override
  public CheckResult check(History history, CheckContext context) {
    long start = System.nanoTime();
    Txns txns = Txns.of(history);
    Analysis analysis = analyzer.analyze(txns, options, ElleCheck.orderEdgesFor(options));
    return ElleCheck.run(name(), analysis, options, context, start);
  }

  /** List-append histories that read into columns and turn out clean are judged there ({@link FastListAppend}). */
  @Override
  public Optional<CheckResult> checkFile(Path file, HistoryFormat format, CheckContext context) {
    if (analyzer != ElleAnalyzer.LIST_APPEND) return Optional.empty();
    return FastListAppend.check(name(), file, format, options, context);
  }
}
