package io.quorumlab.results.ops;

import java.util.List;
import java.util.Set;

/** Whether a client operation reads or writes, for latency accounting. */
public enum OpKind {
  READ,
  WRITE;

  private static final Set<String> READ_FS = Set.of("read", "r", "get");

  /**
   * A read is an op whose {@code f} is read, r or get, or a txn whose micro-ops are all reads
   * ({@code ["r", k, v]}); every other client op (write, put, cas, add, append, mixed txn) writes.
   */
  public static OpKind of(String f, Object value) {
    if (f == null) return WRITE;
    if (READ_FS.contains(f)) return READ;
    if (f.equals("txn") && value instanceof List<?> micro && !micro.isEmpty()) {
      for (Object m : micro) {
        if (!(m instanceof List<?> mop) || mop.isEmpty() || !READ_FS.contains(String.valueOf(mop.get(0)))) return WRITE;
      }
      return READ;
    }
    return WRITE;
  }
}
