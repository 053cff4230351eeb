package io.quorumlab.store.mutation;

import io.quorumlab.store.version.AbdRegister;
import io.quorumlab.store.version.Siblings;
import io.quorumlab.store.version.Version;
import io.quorumlab.store.version.VersionVector;

/** The tag arithmetic of {@link Mutant#ABD_TAG_NOT_INCREMENTED}. */
public final class MutatedTags {
  private MutatedTags() {}

  /**
   * What the tag read "observed" under the mutant: a tag one counter below the highest one, so that
   * the writer's "one above what I saw" lands on the highest counter itself, which an older write
   * with a higher node id still beats.
   */
  public static Siblings oneBelow(Siblings observed) {
    long top = AbdRegister.INSTANCE.highestCounter(observed);
    return top == 0 ? observed : Siblings.of(new Version("", top - 1, 0, VersionVector.EMPTY, null));
  }
}
