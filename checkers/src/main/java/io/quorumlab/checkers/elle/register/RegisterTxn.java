package io.quorumlab.checkers.elle.register;

import io.quorumlab.checkers.elle.txn.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A register transaction's external reads (the first read of each key not preceded by the
 * transaction's own write of it) and external writes (the last write of each key), by key id.
 */
record RegisterTxn(Map<Integer, Object> extReads, Map<Integer, Object> extWrites) {

  static RegisterTxn of(List<?> mops, RwRegisterAnalyzer a) {
    Map<Integer, Object> reads = new LinkedHashMap<>();
    Map<Integer, Object> writes = new LinkedHashMap<>();
    for (Object o : mops) {
      List<?> mop = (List<?>) o;
      int k = a.keyId(mop.get(1));
      Object v = Values.norm(mop.get(2));
      if ("w".equals(mop.get(0))) {
        writes.put(k, v);
      } else if (!writes.containsKey(k) && !reads.containsKey(k)) {
        reads.put(k, v);
      }
    }
    return new RegisterTxn(reads, writes);
  }

  /** The first version the transaction saw of k: its external read, else its write. */
  Object first(int k, boolean ok) {
    if (ok && extReads.containsKey(k)) return extReads.get(k);
    return extWrites.get(k);
  }

  /** The last version it left k at: its write, else its external read. */
  Object last(int k, boolean ok) {
    if (extWrites.containsKey(k)) return extWrites.get(k);
    return ok ? extReads.get(k) : null;
  }

  /** Whether the transaction interacted with k in a way that reveals a version. */
  boolean touches(int k, boolean ok) {
    return extWrites.containsKey(k) || (ok && extReads.containsKey(k));
  }
}
