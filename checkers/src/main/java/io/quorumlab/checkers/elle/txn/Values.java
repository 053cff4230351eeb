package io.quorumlab.checkers.elle.txn;

import java.util.List;

/** Comparing values as the history formats give them: integers of any width are equal by value. */
public final class Values {
  private Values() {}

  /** Integers as Long, so that a key or element written as 3 matches one read as 3L. */
  public static Object norm(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    return v;
  }

  public static boolean eq(Object a, Object b) {
    if (a == b) return true;
    if (a == null || b == null) return false;
    if (a.equals(b)) return true;
    return isIntegral(a) && isIntegral(b) && ((Number) a).longValue() == ((Number) b).longValue();
  }

  private static boolean isIntegral(Object o) {
    return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte;
  }

  /** Whether {@code a} is a prefix of {@code b}. */
  public static boolean isPrefix(List<?> a, List<?> b) {
    int n = a.size();
    if (n > b.size()) return false;
    for (int i = 0; i < n; i++) if (!eq(a.get(i), b.get(i))) return false;
    return true;
  }

  /** Whether {@code a} is a prefix of {@code b}. */
  public static boolean isPrefix(List<?> a, Object[] b) {
    int n = a.size();
    if (n > b.length) return false;
    for (int i = 0; i < n; i++) {
      Object x = a.get(i);
      Object y = b[i];
      if (x != y && !eq(x, y)) return false;
    }
    return true;
  }

  /** Whether two lists have equal elements. */
  public static boolean listEq(List<?> a, List<?> b) {
    return a.size() == b.size() && isPrefix(a, b);
  }
}
