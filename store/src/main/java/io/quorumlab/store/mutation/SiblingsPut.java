package io.quorumlab.store.mutation;

import io.quorumlab.store.version.DottedSiblings;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.VersionVector;

/** How a siblings put makes its write: {@link DottedSiblings#put}, or {@link Mutant#SIBLINGS_DOT_FROM_CONTEXT_ONLY}'s version of it. */
@FunctionalInterface
public interface SiblingsPut {
  DottedSiblings.Write put(Siblings local, String self, VersionVector context, byte[] value, long stamp);

  static SiblingsPut of(Mutants mutants) {
    return mutants.has(Mutant.SIBLINGS_DOT_FROM_CONTEXT_ONLY) ? SiblingsPut::dotFromContext : DottedSiblings.INSTANCE::put;
  }

  /**
   * The bug: the dot counts on from the client's context only, not from the coordinator's stored
   * state, so two puts with the same context at one coordinator get the same dot, and the merge
   * keeps only the first of the two versions.
   */
  private static DottedSiblings.Write dotFromContext(Siblings local, String self, VersionVector context, byte[] value, long stamp) {
    DottedSiblings.Write alone = DottedSiblings.INSTANCE.put(Siblings.EMPTY, self, context, value, stamp);
    return new DottedSiblings.Write(DottedSiblings.INSTANCE.merge(local, alone.state()), alone.written());
  }
}
