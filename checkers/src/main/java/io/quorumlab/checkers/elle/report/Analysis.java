package io.quorumlab.checkers.elle.report;

import io.quorumlab.checkers.elle.graph.TxnGraph;
import io.quorumlab.checkers.elle.txn.Txns;
import java.util.List;
import java.util.Map;

/**
 * What an inference (list-append, rw-register) makes of a history: the transactions, their
 * dependency graph, how to justify its edges, and the anomalies found without cycles.
 *
 * @param cases anomaly type -> occurrences, in the order found (at most {@link #KEPT} per type)
 * @param counts anomaly type -> number of occurrences, all of them
 */
public record Analysis(
    Txns txns, TxnGraph graph, EdgeExplainer explainer, Map<String, List<AnomalyCase>> cases, Map<String, Long> counts) {

  /** Occurrences kept per anomaly type; the rest are only counted. */
  public static final int KEPT = 1000;
}
