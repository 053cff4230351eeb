package io.quorumlab.store.version;

import java.util.Comparator;

/** The merge of the single-version modes: keep the one version that orders highest. */
final class HighestWins {
  private HighestWins() {}

  static Siblings merge(Siblings a, Siblings b, Comparator<Version> order) {
    Version best = null;
    for (Version v : a.versions()) {
      best = best == null || order.compare(v, best) > 0 ? v : best;
    }
    for (Version v : b.versions()) {
      best = best == null || order.compare(v, best) > 0 ? v : best;
    }
    if (best == null) {
      return Siblings.EMPTY;
    }
    if (a.versions().size() == 1 && a.versions().get(0) == best) {
      return a;
    }
    if (b.versions().size() == 1 && b.versions().get(0) == best) {
      return b;
    }
    return Siblings.of(best);
  }
}
