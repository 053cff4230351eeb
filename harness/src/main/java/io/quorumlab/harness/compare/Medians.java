package io.quorumlab.harness.compare;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The median of per-run numbers: the middle one, or the mean of the middle two. */
final class Medians {
  private Medians() {}

  static <T> double of(List<T> items, ToDoubleFunction<T> f) {
    if (items.isEmpty()) return 0;
    double[] v = items.stream().mapToDouble(f).toArray();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
