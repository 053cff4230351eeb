package io.quorumlab.store.membership;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * An unmodifiable list over an array nobody else holds: what the codec and the gossiper build a
 * message's members into, so that the message's record can keep it instead of copying it again
 * ({@link #copyOf}). A syn names every member, and copying its lists was a visible share of the time.
 */
final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
  private final Object[] elements;
  private final int size;

  private FrozenList(Object[] elements, int size) {
    this.elements = elements;
    this.size = size;
  }

  /** {@code list} itself if frozen already, else an unmodifiable copy; no null elements either way. */
  static <E> List<E> copyOf(List<E> list) {
    return list instanceof FrozenList<E> ? list : List.copyOf(list);
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException("index " + index + ", size " + size);
    }
    return (E) elements[index];
  }

  @Override
  public int size() {
    return size;
  }

  /** Collects elements once; {@link #build} hands its array over, so the builder is done then. */
  static final class Builder<E> {
    private Object[] elements;
    private int size;

    Builder(int expected) {
      elements = new Object[Math.max(4, expected)];
    }

    Builder<E> add(E element) {
      if (element == null) {
        throw new NullPointerException("a frozen list holds no nulls");
      }
      if (size == elements.length) {
        elements = Arrays.copyOf(elements, 2 * size);
      }
      elements[size++] = element;
      return this;
    }

    int size() {
      return size;
    }

    List<E> build() {
      if (elements == null) {
        throw new IllegalStateException("built already");
      }
      List<E> list = new FrozenList<>(elements, size);
      elements = null;
      return list;
    }
  }
}
