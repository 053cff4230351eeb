package io.quorumlab.checkers.history;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable list over an array, nulls allowed: the lists of a history read by the fast path
 * (micro-ops, reads). One small object and its array, where an ArrayList costs more and may grow.
 */
final class FrozenList extends AbstractList<Object> implements RandomAccess {
  private static final FrozenList EMPTY = new FrozenList(new Object[0]);
  private final Object[] items;

  private FrozenList(Object[] items) {
    this.items = items;
  }

  /** The first {@code n} of {@code items} (copied when the array is longer). */
  static FrozenList of(Object[] items, int n) {
    if (n == 0) return EMPTY;
    return new FrozenList(n == items.length ? items : Arrays.copyOf(items, n));
  }

  @Override
  public Object get(int i) {
    return items[i];
  }

  @Override
  public int size() {
    return items.length;
  }

  @Override
  public Object[] toArray() {
    return items.clone();
  }
}
