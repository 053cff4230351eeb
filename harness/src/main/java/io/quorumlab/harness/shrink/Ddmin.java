package io.quorumlab.harness.shrink;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Zeller's delta debugging (ddmin): a small list of items on which {@code fails} still holds, found
 * by dropping chunks at finer and finer granularity (halves first, then complements of quarters,
 * eighths, ...). The result is 1-minimal: dropping any single item makes the failure go. {@code fails}
 * must hold on the input.
 */
final class Ddmin {
  private Ddmin() {}

  static <T> List<T> minimize(List<T> items, Predicate<List<T>> fails) {
    List<T> current = List.copyOf(items);
    if (current.isEmpty()) return current;
    if (fails.test(List.of())) return List.of();
    int n = 2;
    while (current.size() >= 2) {
      List<List<T>> chunks = split(current, n);
      boolean reduced = false;
      // A lone chunk is tried only at the coarsest split: a failure rarely lives in one small chunk, and
      // each try is a whole run, so finer splits go straight to complements (dropping one chunk).
      for (List<T> chunk : n == 2 ? chunks : List.<List<T>>of()) {
        if (chunk.size() < current.size() && fails.test(chunk)) {
          current = chunk;
          n = 2;
          reduced = true;
          break;
        }
      }
      if (!reduced && n > 2) {
        for (int i = 0; i < chunks.size(); i++) {
          List<T> complement = new ArrayList<>();
          for (int j = 0; j < chunks.size(); j++) if (j != i) complement.addAll(chunks.get(j));
          if (fails.test(complement)) {
            current = List.copyOf(complement);
            n = Math.max(n - 1, 2);
            reduced = true;
            break;
          }
        }
      }
      if (!reduced) {
        if (n >= current.size()) break;
        n = Math.min(n * 2, current.size());
      }
    }
    return current;
  }

  /** {@code list} in {@code n} consecutive chunks of near-equal size. */
  static <T> List<List<T>> split(List<T> list, int n) {
    List<List<T>> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      int end = start + (list.size() - start) / (n - i);
      if (end > start) out.add(List.copyOf(list.subList(start, end)));
      start = end;
    }
    return out;
  }
}
