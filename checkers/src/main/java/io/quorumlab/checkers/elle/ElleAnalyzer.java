package io.quorumlab.checkers.elle;

import io.quorumlab.checkers.elle.append.ListAppendAnalyzer;
import io.quorumlab.checkers.elle.register.RwRegisterAnalyzer;
import io.quorumlab.checkers.elle.register.VersionSources;
import io.quorumlab.checkers.elle.report.Analysis;
import io.quorumlab.checkers.elle.txn.Txns;

/** The inferences an {@link ElleChecker} can run over a history's transactions, each named as its checker. */
public enum ElleAnalyzer {
  /**
   * Transactions of {@code ["append", k, v]} and {@code ["r", k, [v1 v2 ...]]} over lists with
   * unique appended values: each key's version order follows from its reads.
   */
  LIST_APPEND("list-append") {
    @Override
    Analysis analyze(Txns txns, ElleOptions options, int orderEdges) {
      return ListAppendAnalyzer.analyze(txns, orderEdges);
    }
  },
  /**
   * Transactions of {@code ["w", k, v]} and {@code ["r", k, v]} over registers with unique written
   * values: the version order is only partly known, from the sources the options allow (see
   * {@link RwRegisterAnalyzer}).
   */
  RW_REGISTER("rw-register") {
    @Override
    Analysis analyze(Txns txns, ElleOptions options, int orderEdges) {
      VersionSources sources = new VersionSources(options.wfrKeys(), options.sequentialKeys(), options.linearizableKeys());
      return RwRegisterAnalyzer.analyze(txns, sources, orderEdges);
    }
  };

  private final String checkerName;

  ElleAnalyzer(String checkerName) {
    this.checkerName = checkerName;
  }

  /** The name of the checker that runs this inference ("list-append", "rw-register"). */
  public String checkerName() {
    return checkerName;
  }

  /**
   * @param orderEdges {@code Edges.PROCESS} and/or {@code Edges.REALTIME}: order edges to add
   * @throws io.quorumlab.checkers.elle.txn.MalformedHistoryException on a transaction it cannot interpret
   */
  abstract Analysis analyze(Txns txns, ElleOptions options, int orderEdges);
}
