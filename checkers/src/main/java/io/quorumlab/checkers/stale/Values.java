package io.quorumlab.checkers.stale;

import java.util.List;
import java.util.stream.Collectors;

/** Register values as the stale-read checker compares and prints them. */
final class Values {
  private Values() {}

  /** Integral numbers compare as {@link Long}, whichever codec read them. */
  static Object norm(Object v) {
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
    if (v instanceof List<?> l) return l.stream().map(Values::norm).toList();
    return v;
  }

  /** As in a history: nil, 41, [1 0]. */
  static String show(Object v) {
    if (v == null) return "nil";
    if (v instanceof List<?> l) return l.stream().map(Values::show).collect(Collectors.joining(" ", "[", "]"));
    return v.toString();
  }
}
