package io.quorumlab.store.client;

import java.util.List;

/**
 * @param siblings the live (non-tombstone) concurrent values; empty when the key is absent or deleted
 * @param context covers every version the get saw, tombstones included
 * @param replies how many replicas answered (at least R)
 */
public record GetResult(List<byte[]> siblings, Context context, int replies) {
  public boolean found() {
    return !siblings.isEmpty();
  }
}
