package io.quorumlab.store.version;

import java.util.Comparator;

/**
 * The single-version modes: of all the versions seen, keep the one that orders highest; a get's
 * context is that version's tag.
 */
abstract class HighestWins implements Reconciler {
  private final Comparator<Version> order;

  HighestWins(Comparator<Version> order) {
    this.order = order;
  }

  @Override
  public final Siblings merge(Siblings a, Siblings b) {
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

  @Override
  public final byte[] context(Siblings merged) {
    return merged.isEmpty() ? new byte[0] : VersionCodec.encodeTag(merged.versions().get(0));
  }
}
