package io.quorumlab.store.services;

import io.quorumlab.store.antientropy.MerkleTree;
import io.quorumlab.store.antientropy.TokenRange;
import io.quorumlab.store.ring.Ring;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One Merkle tree per peer this node shares keys with, over the whole ring, holding exactly the
 * keys that both this node and that peer replicate under the current ring. The peer keeps the
 * mirror-image tree for this node, so the two trees hold the same key set and compare directly,
 * whatever the vnode layout: with virtual nodes a node's replicated ranges are hundreds of small
 * arcs, and one tree per pair keeps the count of trees at the count of peers.
 */
final class PairTrees {
  private final String self;
  private final int n;
  private final int depth;
  private Ring ring;
  private final Map<String, MerkleTree> trees = new TreeMap<>();

  PairTrees(String self, int n, int depth, Ring ring) {
    this.self = self;
    this.n = n;
    this.depth = depth;
    this.ring = ring;
  }

  /** Starts over for {@code ring}, re-entering every key of {@code index}. */
  void rebuild(Ring ring, KeyIndex index) {
    this.ring = ring;
    trees.clear();
    for (String peer : ring.nodes()) {
      if (!peer.equals(self)) {
        trees.put(peer, new MerkleTree(TokenRange.fullRing(), depth));
      }
    }
    index.forEach((key, token, digest) -> update(token, key, null, digest));
  }

  /** A key's digest changed from {@code old} to {@code now} (either null when absent). */
  void update(long token, byte[] key, byte[] old, byte[] now) {
    List<String> replicas = ring.preferenceListAt(token, n);
    if (!replicas.contains(self)) {
      return;
    }
    for (String peer : replicas) {
      if (!peer.equals(self)) {
        MerkleTree tree = trees.get(peer);
        if (tree != null) {
          tree.replace(token, key, old, now);
        }
      }
    }
  }

  /** Whether this node and {@code peer} both replicate the key at {@code token}. */
  boolean shared(String peer, long token) {
    List<String> replicas = ring.preferenceListAt(token, n);
    return replicas.contains(self) && replicas.contains(peer);
  }

  MerkleTree tree(String peer) {
    return trees.get(peer);
  }

  Set<String> peers() {
    return trees.keySet();
  }

  int depth() {
    return depth;
  }
}
