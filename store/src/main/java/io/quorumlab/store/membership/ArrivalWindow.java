package io.quorumlab.store.membership;

import java.util.Arrays;

/**
 * The last {@code capacity} heartbeat inter-arrival times of one peer, with running sums so mean
 * and variance cost O(1). Sums are exact (long milliseconds), so they never drift.
 */
final class ArrivalWindow {
  private static final int INITIAL_SLOTS = 16;

  private final int capacity;
  /**
   * Grows to {@code capacity} as samples come: a node keeps a window per peer, most never full.
   * Ints, since a sample is at most the detector's maxSampleMs ({@link PhiAccrualDetector.Settings}
   * keeps it within an int): with a window per node and peer, these arrays are about half the heap of
   * a thousand-node simulation, and each heartbeat's sample lands in one that is cold in the caches.
   */
  private int[] intervals;
  /** {@code intervals.length}. */
  private int slots;
  private int size;
  private int next;
  private long sum;
  private long sumOfSquares;
  private long lastArrival;
  /** Set when the detector forgets this peer: whoever kept a reference to it must look again. */
  private boolean retired;

  ArrivalWindow(int capacity, long firstArrival, long firstIntervalEstimate) {
    this.capacity = capacity;
    slots = Math.min(capacity, INITIAL_SLOTS);
    intervals = new int[slots];
    lastArrival = firstArrival;
    // Seed like Akka does: two samples around the expected interval, so phi is meaningful (and not
    // hair-trigger) before real samples exist.
    long spread = firstIntervalEstimate / 4;
    add(firstIntervalEstimate - spread);
    add(firstIntervalEstimate + spread);
  }

  void arrival(long now, long maxSample) {
    long interval = now - lastArrival;
    lastArrival = Math.max(lastArrival, now);
    // A gap longer than maxSample is an outage (partition, pause), not jitter: learning it would
    // inflate the mean and make every later conviction slow.
    if (interval > 0 && interval <= maxSample) {
      add(interval);
    }
  }

  private void add(long interval) {
    assert interval == (int) interval : interval;
    // The array's length is kept in a field of its own: reading it from the array would wait for
    // the array to come into the cache, where the store of the sample below need not wait.
    if (size == slots && size < capacity) {
      // Below capacity the samples sit in order from slot 0, so growing keeps them there.
      slots = Math.min(capacity, size * 2);
      intervals = Arrays.copyOf(intervals, slots);
      next = size;
    }
    if (size == capacity) {
      long old = intervals[next];
      sum -= old;
      sumOfSquares -= old * old;
    } else {
      size++;
    }
    intervals[next] = (int) interval;
    next = next + 1 == slots ? 0 : next + 1;
    sum += interval;
    sumOfSquares += interval * interval;
  }

  void retire() {
    retired = true;
  }

  boolean retired() {
    return retired;
  }

  void restartSilence(long now) {
    lastArrival = Math.max(lastArrival, now);
  }

  long lastArrival() {
    return lastArrival;
  }

  int samples() {
    return size;
  }

  double mean() {
    return (double) sum / size;
  }

  double stdDev() {
    double mean = mean();
    double variance = (double) sumOfSquares / size - mean * mean;
    return Math.sqrt(Math.max(0, variance));
  }
}
