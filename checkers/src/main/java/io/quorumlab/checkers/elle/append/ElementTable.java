package io.quorumlab.checkers.elle.append;

import io.quorumlab.checkers.elle.txn.Values;
import java.util.Arrays;

/**
 * Interns (key, element) pairs of a list-append history to dense ids, with per-element facts in
 * parallel arrays: who appended it (and in which micro-op), its position in the key's version
 * order, and whether it was an intermediate append. One open-addressing table for all keys, so a
 * million appends cost a few arrays rather than a million map entries.
 */
final class ElementTable {
  static final byte INTERMEDIATE = 1;

  private int[] slots = new int[1 << 12]; // element id + 1; 0 empty
  private int mask = slots.length - 1;
  int size;
  int[] key = new int[1024];
  Object[] value = new Object[1024];
  int[] writer = new int[1024];
  int[] writerMop = new int[1024];
  int[] pos = new int[1024];
  byte[] flags = new byte[1024];

  /** Sizes the table for about {@code n} elements up front, sparing rehashes. */
  void presize(int n) {
    int cap = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1;
    if (cap <= slots.length) return;
    slots = new int[cap];
    mask = cap - 1;
    int arr = Math.max(1024, n);
    key = new int[arr];
    value = new Object[arr];
    writer = new int[arr];
    writerMop = new int[arr];
    pos = new int[arr];
    flags = new byte[arr];
  }

  /** The id of (k, v), or -1. */
  int find(int k, Object v) {
    v = Values.norm(v);
    int h = hash(k, v) & mask;
    while (true) {
      int s = slots[h];
      if (s == 0) return -1;
      int e = s - 1;
      if (key[e] == k && value[e].equals(v)) return e;
      h = (h + 1) & mask;
    }
  }

  /** The id of (k, v), added (with no writer, no position) if new. */
  int intern(int k, Object v) {
    v = Values.norm(v);
    int h = hash(k, v) & mask;
    while (true) {
      int s = slots[h];
      if (s == 0) break;
      int e = s - 1;
      if (key[e] == k && value[e].equals(v)) return e;
      h = (h + 1) & mask;
    }
    if (size == key.length) grow();
    int e = size++;
    key[e] = k;
    value[e] = v;
    writer[e] = -1;
    writerMop[e] = -1;
    pos[e] = -1;
    slots[h] = e + 1;
    if (size * 2 > slots.length) rehash();
    return e;
  }

  private static int hash(int k, Object v) {
    int h = v.hashCode() * 0x9E3779B9 + k * 0x85EBCA6B;
    return h ^ (h >>> 15);
  }

  private void grow() {
    int cap = key.length * 2;
    key = Arrays.copyOf(key, cap);
    value = Arrays.copyOf(value, cap);
    writer = Arrays.copyOf(writer, cap);
    writerMop = Arrays.copyOf(writerMop, cap);
    pos = Arrays.copyOf(pos, cap);
    flags = Arrays.copyOf(flags, cap);
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    mask = slots.length - 1;
    for (int e = 0; e < size; e++) {
      int h = hash(key[e], value[e]) & mask;
      while (slots[h] != 0) h = (h + 1) & mask;
      slots[h] = e + 1;
    }
  }
}
