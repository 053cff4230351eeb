package io.quorumlab.checkers.history;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The fields of the line being read, in order, in two arrays that the reader reuses line after
 * line: {@link OpFields#toOp} takes what it needs from them, so no map is made per operation.
 * Like a LinkedHashMap, a field given twice keeps its first place and its last value.
 */
final class RecordMap extends AbstractMap<Object, Object> {
  private Object[] keys = new Object[16];
  private Object[] values = new Object[16];
  private int size;

  void clear0() {
    Arrays.fill(keys, 0, size, null);
    Arrays.fill(values, 0, size, null);
    size = 0;
  }

  @Override
  public Object put(Object key, Object value) {
    for (int i = 0; i < size; i++) {
      if (java.util.Objects.equals(keys[i], key)) {
        Object old = values[i];
        values[i] = value;
        return old;
      }
    }
    if (size == keys.length) {
      keys = Arrays.copyOf(keys, size * 2);
      values = Arrays.copyOf(values, size * 2);
    }
    keys[size] = key;
    values[size++] = value;
    return null;
  }

  @Override
  public boolean containsKey(Object key) {
    for (int i = 0; i < size; i++) if (java.util.Objects.equals(keys[i], key)) return true;
    return false;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<Object, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<Object, Object>> iterator() {
        return new Iterator<>() {
          int i;

          @Override
          public boolean hasNext() {
            return i < size;
          }

          @Override
          public Entry<Object, Object> next() {
            if (i >= size) throw new NoSuchElementException();
            Entry<Object, Object> e = new SimpleImmutableEntry<>(keys[i], values[i]);
            i++;
            return e;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
