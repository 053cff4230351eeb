package io.quorumlab.store.antientropy;

/**
 * The node's normal version-merge rule (vector-clock siblings, LWW, or ABD tags). Must be
 * deterministic, commutative and idempotent, so that two replicas that exchange values end with the
 * same bytes, and so their Merkle trees agree afterwards.
 */
@FunctionalInterface
public interface VersionMerger {
  /** @param local the stored value, or null if the key is absent here */
  byte[] merge(byte[] key, byte[] local, byte[] remote);
}
