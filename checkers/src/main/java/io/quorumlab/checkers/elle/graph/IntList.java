package io.quorumlab.checkers.elle.graph;

import java.util.Arrays;

/** A growable list of ints without boxing. */
public final class IntList {
  private int[] a;
  private int size;

  public IntList() {
    this(16);
  }

  public IntList(int capacity) {
    a = new int[Math.max(4, capacity)];
  }

  public void add(int v) {
    if (size == a.length) a = Arrays.copyOf(a, a.length + (a.length >> 1) + 4);
    a[size++] = v;
  }

  public int get(int i) {
    return a[i];
  }

  public void set(int i, int v) {
    a[i] = v;
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void clear() {
    size = 0;
  }

  public int removeLast() {
    return a[--size];
  }

  public int[] toArray() {
    return Arrays.copyOf(a, size);
  }
}
