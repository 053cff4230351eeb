package io.quorumlab.sim;

import java.util.Arrays;

/**
 * The simulation's agenda: events ordered by (time, sequence), the sequence being the order in
 * which they were scheduled, so two events due at the same instant run in the order they were
 * created and a run never depends on anything but the schedule. A binary heap over parallel
 * primitive arrays: no boxing and no node objects per entry.
 */
final class EventQueue {
  private long[] times = new long[1024];
  private long[] seqs = new long[1024];
  private Event[] events = new Event[1024];
  private int size;
  private long nextSeq;
  private long polledTime;
  private long polledSeq;

  /** Schedules {@code event} at {@code time}; returns its sequence number. */
  long add(long time, Event event) {
    if (size == times.length) {
      int capacity = size * 2;
      times = Arrays.copyOf(times, capacity);
      seqs = Arrays.copyOf(seqs, capacity);
      events = Arrays.copyOf(events, capacity);
    }
    long seq = nextSeq++;
    int i = size++;
    // Sift up.
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(time, seq, times[parent], seqs[parent])) {
        break;
      }
      times[i] = times[parent];
      seqs[i] = seqs[parent];
      events[i] = events[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    events[i] = event;
    return seq;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }

  /** Time of the next event; only when not empty. */
  long peekTime() {
    return times[0];
  }

  /** Removes and returns the next event; its time and sequence are then {@link #polledTime}/{@link #polledSeq}. */
  Event poll() {
    Event head = events[0];
    polledTime = times[0];
    polledSeq = seqs[0];
    int last = --size;
    long t = times[last];
    long s = seqs[last];
    Event e = events[last];
    events[last] = null;
    if (last > 0) {
      // Sift the former last entry down from the root.
      int i = 0;
      int half = last >>> 1;
      while (i < half) {
        int child = 2 * i + 1;
        int right = child + 1;
        if (right < last && before(times[right], seqs[right], times[child], seqs[child])) {
          child = right;
        }
        if (!before(times[child], seqs[child], t, s)) {
          break;
        }
        times[i] = times[child];
        seqs[i] = seqs[child];
        events[i] = events[child];
        i = child;
      }
      times[i] = t;
      seqs[i] = s;
      events[i] = e;
    }
    return head;
  }

  long polledTime() {
    return polledTime;
  }

  long polledSeq() {
    return polledSeq;
  }

  private static boolean before(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }
}
