package io.quorumlab.store.membership;

import java.util.Arrays;

/**
 * The numbers a gossip message compares for every member of a {@link MembershipView}, in arrays by
 * the member's place in the view's id order ({@link MemberSlot#index}). A syn names every member and
 * is walked in that order, so its digests are compared against consecutive array elements, which
 * the processor fetches ahead, instead of a slot object per member scattered over the heap: with
 * hundreds of members per view and hundreds of views, those slots were cold in the caches, and
 * loading them was the largest single cost of a round.
 *
 * <p>Only {@link MemberSlot} and {@link MembershipView} write these, but for the detector's
 * columns ({@link #lastArrivals}, {@link #quietMs}).
 */
final class MemberColumns {
  long[] generations = new long[16];
  long[] versions = new long[16];
  /**
   * The version at which the member's info last changed: a syn's delta that carries only a heartbeat
   * is made from these three columns, without loading the member's slot.
   */
  long[] infoVersions = new long[16];
  /** The mark of the last syn that named the member ({@link MembershipView#newMark}). */
  long[] marks = new long[16];
  /**
   * The failure detector's last arrival of the member's heartbeat, and the silence after it within
   * which the detector surely finds the member available ({@link PhiAccrualDetector#quietMs}); NaN
   * when not known here (this node, a member not yet heard from, a window changed elsewhere). Every
   * round asks this of every member: a silence within the quiet one is answered from these two
   * arrays, without loading the member's slot and window. Written by the {@link Gossiper}.
   */
  long[] lastArrivals = new long[16];
  double[] quietMs = new double[16];
  private int size;

  /** Opens a place at {@code at}, moving the members from there on one place up. */
  void insertAt(int at) {
    if (at < 0 || at > size) {
      throw new IndexOutOfBoundsException("insert at " + at + " of " + size);
    }
    if (size == generations.length) {
      int capacity = 2 * size;
      generations = Arrays.copyOf(generations, capacity);
      versions = Arrays.copyOf(versions, capacity);
      infoVersions = Arrays.copyOf(infoVersions, capacity);
      marks = Arrays.copyOf(marks, capacity);
      lastArrivals = Arrays.copyOf(lastArrivals, capacity);
      quietMs = Arrays.copyOf(quietMs, capacity);
    }
    int moved = size - at;
    System.arraycopy(generations, at, generations, at + 1, moved);
    System.arraycopy(versions, at, versions, at + 1, moved);
    System.arraycopy(infoVersions, at, infoVersions, at + 1, moved);
    System.arraycopy(marks, at, marks, at + 1, moved);
    System.arraycopy(lastArrivals, at, lastArrivals, at + 1, moved);
    System.arraycopy(quietMs, at, quietMs, at + 1, moved);
    generations[at] = 0;
    versions[at] = 0;
    infoVersions[at] = 0;
    marks[at] = 0;
    lastArrivals[at] = 0;
    quietMs[at] = Double.NaN;
    size++;
  }

  /** The detector's window of the member at {@code index} now has these numbers. */
  void heardFrom(int index, long lastArrival, double quiet) {
    lastArrivals[index] = lastArrival;
    quietMs[index] = quiet;
  }

  /** The detector's window of the member at {@code index} changed in a way not copied here. */
  void forgetSilence(int index) {
    quietMs[index] = Double.NaN;
  }

  /** {@link #forgetSilence} of every member. */
  void forgetSilences() {
    Arrays.fill(quietMs, 0, size, Double.NaN);
  }

  /** Whether the detector surely finds the member at {@code index} available at {@code now}; false: ask it. */
  boolean surelyAvailable(int index, long now) {
    // NaN compares false: not known here.
    return now - lastArrivals[index] <= quietMs[index];
  }

  int size() {
    return size;
  }
}
