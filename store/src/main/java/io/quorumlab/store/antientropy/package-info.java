/**
 * Merkle-tree anti-entropy, sans-IO: trees per token range, and the session state machine that
 * compares two replicas' trees and repairs exactly the keys that differ.
 *
 * <p>How a node wires it in:
 *
 * <ul>
 *   <li>Keep one {@link io.quorumlab.store.antientropy.MerkleTree} per token range it replicates
 *       (both replicas must use the same range and depth; depth about log2 of the keys per range keeps
 *       leaves near one key, which is what makes traffic scale with the difference). Build it at start
 *       from storage, and on every replica write call {@code replace(token, key, oldDigest,
 *       newDigest)}. The digest must be canonical: replicas holding the same versions of a key must
 *       produce the same digest bytes, or their trees never agree.
 *   <li>Implement {@link io.quorumlab.store.antientropy.ReplicaData} over storage (writes go through
 *       the normal write path, which updates the tree) and
 *       {@link io.quorumlab.store.antientropy.VersionMerger} with the node's reconciler.
 *   <li>Periodically (and on demand) pick a range and a live peer replica and call
 *       {@link io.quorumlab.store.antientropy.AntiEntropySession#initiate}; on a
 *       {@link io.quorumlab.store.antientropy.SyncStart} call
 *       {@link io.quorumlab.store.antientropy.AntiEntropySession#respond} with the tree for that range
 *       or null. Route later messages by (peer, sessionId); drop finished sessions; call
 *       {@link io.quorumlab.store.antientropy.AntiEntropySession#abortIfIdle} from a timer.
 *   <li>Messages travel on the node's anti-entropy channel, encoded with
 *       {@link io.quorumlab.store.antientropy.SyncCodec}.
 * </ul>
 *
 * <p>A running node is wired this way by {@link io.quorumlab.store.services.ClusterServices}.
 */
package io.quorumlab.store.antientropy;
