package io.quorumlab.store.mutation;

import io.quorumlab.store.config.ConflictMode;
import io.quorumlab.store.version.Reconciler;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import java.util.List;

/**
 * A merge rule with a planted bug ({@link Mutant#SIBLINGS_MERGE_DROPS_CONCURRENT},
 * {@link Mutant#LWW_KEEPS_OLDER}); without one, {@link #wrap} returns the rule itself.
 */
public final class MutatedReconciler implements Reconciler {
  private final Reconciler inner;
  private final Mutant mutant;

  private MutatedReconciler(Reconciler inner, Mutant mutant) {
    this.inner = inner;
    this.mutant = mutant;
  }

  /** {@code rule}, or a mutated version of it when a merge mutant for its mode is on. */
  public static Reconciler wrap(Reconciler rule, Mutants mutants) {
    if (rule.mode() == ConflictMode.SIBLINGS && mutants.has(Mutant.SIBLINGS_MERGE_DROPS_CONCURRENT)) {
      return new MutatedReconciler(rule, Mutant.SIBLINGS_MERGE_DROPS_CONCURRENT);
    }
    if (rule.mode() == ConflictMode.LWW && mutants.has(Mutant.LWW_KEEPS_OLDER)) {
      return new MutatedReconciler(rule, Mutant.LWW_KEEPS_OLDER);
    }
    return rule;
  }

  @Override
  public ConflictMode mode() {
    return inner.mode();
  }

  @Override
  public Siblings merge(Siblings a, Siblings b) {
    Siblings merged = inner.merge(a, b);
    if (a.isEmpty() || b.isEmpty()) {
      return merged;
    }
    if (mutant == Mutant.LWW_KEEPS_OLDER) {
      // The bug: of two different versions, the one the rule would drop survives.
      return merged.sameWrites(a) ? b : a;
    }
    List<Version> kept = merged.versions();
    // The bug: of concurrent siblings, the last one is forgotten.
    return kept.size() < 2 ? merged : new Siblings(kept.subList(0, kept.size() - 1));
  }

  @Override
  public byte[] context(Siblings merged) {
    return inner.context(merged);
  }
}
