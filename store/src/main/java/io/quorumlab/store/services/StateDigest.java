package io.quorumlab.store.services;

import com.dynatrace.hash4j.hashing.HashStream64;
import com.dynatrace.hash4j.hashing.Hashing;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import java.nio.ByteBuffer;

/**
 * The digest of a key's stored state that anti-entropy compares: a hash of the identities (node,
 * counter, stamp) of its versions in their canonical order. Two replicas holding the same writes
 * get the same digest whatever order the writes arrived in; any difference in the writes held
 * (a missing sibling, a superseded version not yet dropped, a tombstone) changes it.
 */
final class StateDigest {
  private StateDigest() {}

  /** Eight bytes, or null for an empty state (a key absent here). */
  static byte[] of(Siblings state) {
    if (state.isEmpty()) {
      return null;
    }
    HashStream64 h = Hashing.xxh3_64().hashStream();
    for (Version v : state.versions()) {
      h.putString(v.node()).putLong(v.counter()).putLong(v.stamp());
    }
    return ByteBuffer.allocate(8).putLong(h.getAsLong()).array();
  }
}
