package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.CheckContext;
import io.quorumlab.checkers.CheckResult;
import io.quorumlab.checkers.elle.append.ListAppendColumns;
import io.quorumlab.checkers.elle.txn.Txns;
import io.quorumlab.checkers.history.Histories;
import io.quorumlab.checkers.history.HistoryFormat;
import io.quorumlab.checkers.history.TxnColumns;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The list-append check of a big, clean history without one object per op: the file is read into
 * columns ({@link Histories#readTxnColumns}) and analysed over ints ({@link ListAppendColumns}).
 * It answers only when the answer needs no explanation: the history reads into columns, the analysis
 * finds no anomaly, the graph is not empty and has no cycle. Then the result is the one
 * {@link ElleChecker#check} gives (valid, same stats). Anything else (a line that does not fit the
 * columns, a bad line, any anomaly, any cycle, even one the models allow) is left to the general
 * path, which reads the file again and explains what it finds; so an invalid history costs the
 * columns' read on top of the general check.
 */
final class FastListAppend {
  private FastListAppend() {}

  static Optional<CheckResult> check(String checker, Path file, HistoryFormat format, ElleOptions options, CheckContext context) {
    long start = System.nanoTime();
    long size = file.toFile().length();
    // no local holds the columns: the analysis lets them go once it has copied what it needs
    ListAppendColumns.Clean clean = ListAppendColumns.analyze(columns(file, format, context, size), ElleCheck.orderEdgesFor(options));
    if (clean == null || clean.txnCount() == 0) return Optional.empty();
    if (EmptyTransactionGraph.holds(clean.txnCount(), clean.type(), clean.invokePos(), clean.completePos(), clean.graph())) {
      return Optional.empty();
    }
    CycleFinder.Found found = CycleFinder.find(clean.graph(), options, context, start + context.timeBudget().toNanos(), checker);
    if (found.nontrivial() > 0) return Optional.empty();
    int graphTxns = 0;
    for (int t = 0; t < clean.txnCount(); t++) if (clean.type()[t] != Txns.FAIL) graphTxns++;
    return Optional.of(ElleCheck.clean(checker, options, clean.txnCount(), graphTxns, clean.graph(), found, start));
  }

  /** The file in columns, or null when it does not read into them. */
  private static TxnColumns columns(Path file, HistoryFormat format, CheckContext context, long size) {
    return Histories.readTxnColumns(file, format, bytes -> context.progress().accept(new CheckContext.Progress("reading", "MiB", bytes >> 20, size >> 20)))
        .orElse(null);
  }
}
