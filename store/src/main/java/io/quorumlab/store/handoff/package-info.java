/**
 * Hinted handoff, sans-IO: durable hints on the fallback, batched delivery when the owner is alive,
 * deletion only on the owner's ack, retries with backoff.
 *
 * <p>How a node wires it in:
 *
 * <ul>
 *   <li>{@link io.quorumlab.store.handoff.DurableHintStore} over an
 *       {@link io.quorumlab.store.handoff.OrderedBytes} adapter of the node's storage (its HINTS
 *       space: put, delete, and a prefix scan built on its ordered scan).
 *   <li>One {@link io.quorumlab.store.handoff.HintedHandoff} with the failure detector as
 *       {@link io.quorumlab.store.handoff.Liveness} ({@code gossiper::isAlive}); its outbox encodes
 *       with {@link io.quorumlab.store.handoff.HintCodec} onto the node's handoff channel. Call
 *       {@link io.quorumlab.store.handoff.HintedHandoff#tick} every few hundred ms, and forward the
 *       membership listener's up and down events.
 *   <li>A fallback that accepts a write for an owner calls
 *       {@link io.quorumlab.store.handoff.HintedHandoff#store} before acknowledging it.
 *   <li>An owner that receives a {@link io.quorumlab.store.handoff.HintBatch} answers with
 *       {@link io.quorumlab.store.handoff.HintedHandoff#accept}, whose applier is the node's durable
 *       merge-write; a fallback that receives a {@link io.quorumlab.store.handoff.HintAck} passes it to
 *       {@link io.quorumlab.store.handoff.HintedHandoff#receive}.
 * </ul>
 *
 * <p>A running node is wired this way by {@link io.quorumlab.store.services.ClusterServices}.
 */
package io.quorumlab.store.handoff;
