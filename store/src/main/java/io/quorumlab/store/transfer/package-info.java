/**
 * Range transfer on join and leave, sans-IO: the joiner's pull of the arcs it will replicate (one
 * source per arc, preferably the replica it displaces), the sources' streams, forwarding of writes
 * that race with them (held as hints while the joiner is down) and the garbage collection of
 * handed-over keys, the leaving node's push to the new owners, the takeover of the ranges a node
 * gains when members leave the ring (pulled from every surviving replica, unreadable until then),
 * and the cleanup of keys a node holds but no longer replicates (pushed to their replicas, then
 * dropped).
 *
 * <p>How a node wires it in:
 *
 * <ul>
 *   <li>One {@link io.quorumlab.store.transfer.RangeTransfer} per node, created as a joiner when the
 *       node's membership status is JOINING. Its {@link io.quorumlab.store.transfer.ClusterView}
 *       answers from gossip (ring, liveness, first answer) and hinted handoff (queued hints), and
 *       announces status changes through gossip (and UP / LEFT in the node's metadata, so a restart
 *       remembers them). Its {@link io.quorumlab.store.transfer.TransferData} reads the node's DATA
 *       space, merges through the node's merge-write and discards keys so that anti-entropy forgets
 *       them too.
 *   <li>Messages travel on the node's transfer channel, encoded with
 *       {@link io.quorumlab.store.transfer.TransferCodec}; pass each one received to
 *       {@link io.quorumlab.store.transfer.RangeTransfer#receive}. Call
 *       {@link io.quorumlab.store.transfer.RangeTransfer#tick} every few hundred ms.
 *   <li>After every data write, send the written state to each target
 *       {@link io.quorumlab.store.transfer.RangeTransfer#forwarding} says to push to (a replica write
 *       that wants no ack), and keep it as a hint for each it says to hold; call {@link io.quorumlab.store.transfer.RangeTransfer#onGone} for a member that left.
 *   <li>Whenever the node's ring changes, call {@link io.quorumlab.store.transfer.RangeTransfer#onRing} in
 *       the same input, and refuse replica reads of the keys
 *       {@link io.quorumlab.store.transfer.RangeTransfer#serves} says no to.
 *   <li>The admin command {@code leave} calls {@link io.quorumlab.store.transfer.RangeTransfer#leave}.
 * </ul>
 *
 * <p>A running node is wired this way by {@link io.quorumlab.store.services.ClusterServices}.
 */
package io.quorumlab.store.transfer;
