/**
 * What makes a node a member of a Dynamo cluster, wired onto the sans-IO node: gossip membership
 * with phi-accrual failure detection driving routing, hinted handoff, Merkle-tree anti-entropy,
 * range transfer on join and leave, and the admin commands ({@code status}, {@code leave},
 * {@code repair}). {@link io.quorumlab.store.services.ClusterServices} builds and wires the parts;
 * everything runs on the node's thread, through its timers and extension channels (1 gossip,
 * 2 anti-entropy, 3 hints, 4 range transfer).
 *
 * <ul>
 *   <li>Generation: max(wall clock ms, last one + 1), stored in the META space before it is used.
 *   <li>Routing counts on a member when phi has not convicted it and this node's link to it is not
 *       down; until gossip has heard of a config member, its link alone decides.
 *   <li>Detection bound, defaults (1 s rounds, fanout 3, phi 8): convicted 5 to 8.5 s after it
 *       falls silent (mean 1 s + acceptable pause 3 s + 5.23 x the 0.2 s deviation floor after the
 *       last news of its heartbeat, which is itself up to a round or two old); measured 5.8 s for a
 *       paused and for a killed node of 3 processes. Rounds of another length scale every one of
 *       these terms (200 ms rounds convict in about 1 s).
 *   <li>Anti-entropy: one depth-15 tree per peer, over the keys both replicate; the node with the
 *       smaller id starts the periodic exchange of a pair.
 *   <li>Join and leave: {@link io.quorumlab.store.transfer.RangeTransfer}; the joiner pulls each
 *       arc from the replica it displaces, which forwards racing writes and drops the arc once the
 *       joiner is in its ring. Leave: push to the new owners, forward racing writes, drain hints,
 *       then LEFT.
 * </ul>
 */
package io.quorumlab.store.services;
