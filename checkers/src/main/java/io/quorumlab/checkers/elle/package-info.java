/**
 * A Java port of Elle (Kingsbury and Alvaro, "Elle: Inferring Isolation Anomalies from Experimental
 * Observations", VLDB 2020), written from the paper and Adya's definitions.
 *
 * <p>Pipeline of an {@link ElleChecker}: {@link io.quorumlab.checkers.elle.txn.Txns} pairs the
 * history's transactions; the inference its {@link ElleAnalyzer} names
 * ({@link io.quorumlab.checkers.elle.append.ListAppendAnalyzer},
 * {@link io.quorumlab.checkers.elle.register.RwRegisterAnalyzer}) derives version orders, the
 * non-cyclic anomalies and a dependency graph with typed edges (ww, wr, rw, plus process or realtime
 * order when the requested models need it; realtime order through a linear-size time line of
 * auxiliary vertices); {@code CycleFinder} splits the graph into strongly connected components
 * (iterative Tarjan) and {@link io.quorumlab.checkers.elle.cycle.SccSearch} finds short witness
 * cycles per anomaly type in each, under a time budget; {@code ElleCheck} turns anomalies into
 * Elle's result (valid, anomaly-types, anomalies, not, also-not) via the lattice in
 * {@link io.quorumlab.checkers.elle.model.ConsistencyModels}, with sentences and .dot files.
 */
package io.quorumlab.checkers.elle;
