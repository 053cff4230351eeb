package io.quorumlab.store.antientropy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A replica's (key, digest) pairs in a set of leaves of a tree, read through {@link ReplicaData#scan}. */
final class LeafEntries {
  private LeafEntries() {}

  /**
   * The entries in {@code leaves} of {@code tree} (every leaf when {@code leaves} is null), in scan
   * order. Asks the replica for runs of adjacent leaves and filters what it returns, so a replica may
   * answer a scan with more than was asked.
   */
  static Map<ByteBuffer, byte[]> collect(MerkleTree tree, BitSet leaves, ReplicaData data) {
    List<TokenRange> runs = new ArrayList<>();
    if (leaves == null) {
      runs.add(tree.range());
    } else {
      for (int first = leaves.nextSetBit(0); first >= 0; ) {
        int end = leaves.nextClearBit(first);
        TokenRange run = tree.leavesRange(first, end - 1);
        if (run != null) {
          runs.add(run);
        }
        first = leaves.nextSetBit(end);
      }
    }
    Map<ByteBuffer, byte[]> entries = new LinkedHashMap<>();
    if (runs.isEmpty()) {
      return entries;
    }
    data.scan(runs, (key, token, digest) -> {
      if (tree.range().contains(token) && (leaves == null || leaves.get(tree.leafOf(token)))) {
        entries.put(ByteBuffer.wrap(key.clone()), digest.clone());
      }
    });
    return entries;
  }
}
