/**
 * Gossip membership and phi-accrual failure detection, sans-IO: no threads, sockets or clocks.
 *
 * <p>How a node wires it in (the node owns the timer, transport and clock):
 *
 * <ul>
 *   <li>Create one {@link io.quorumlab.store.membership.Gossiper} with a generation larger than any
 *       earlier incarnation of this node (epoch millis at start, or the generation persisted last
 *       time + 1 if that is larger: a generation that goes backwards is ignored by every peer), and
 *       {@link io.quorumlab.store.membership.MemberInfo#ofVnodes} (tokens derive from the id). If the
 *       clock was set back and the stored generation lost, gossip about the earlier incarnation makes
 *       the gossiper take a generation above it and report it through
 *       {@link io.quorumlab.store.membership.MembershipListener#onOwnGenerationRaised}: store that one.
 *   <li>Outbox: encode with {@link io.quorumlab.store.membership.GossipCodec#encode} and send on the
 *       node's gossip channel; on receipt decode and call
 *       {@link io.quorumlab.store.membership.Gossiper#receive} (drop undecodable frames with a log line).
 *   <li>Call {@link io.quorumlab.store.membership.Gossiper#tick} every
 *       {@link io.quorumlab.store.membership.GossipConfig#intervalMs()}.
 *   <li>Routing asks {@link io.quorumlab.store.membership.Gossiper#isAlive}; the ring is rebuilt on
 *       {@link io.quorumlab.store.membership.MembershipListener#onRingChanged} from
 *       {@link io.quorumlab.store.membership.Gossiper#ringMembers()}.
 *   <li>Addresses: gossip carries each member's self-advertised address; where the node's config
 *       names an address for a member (the harness's link proxies), the config must win.
 * </ul>
 *
 * <p>Detection bound with the defaults (1 s rounds, phi 8, 3 s acceptable pause, std-dev floor
 * 200 ms): an observer convicts a silent member at most {@code mean + 3000 + 5.23 * stdDev + 1000}
 * ms after it last learnt of the member's heartbeat; about 5 to 8.5 s after a kill in simulated
 * clusters of 5 to 50 nodes (see FailureDetectionTest).
 *
 * <p>A running node is wired this way by {@link io.quorumlab.store.services.ClusterServices}.
 */
package io.quorumlab.store.membership;
