package io.quorumlab.store.version;

import io.quorumlab.store.config.ConflictMode;

/**
 * The merge rule of one conflict mode. {@link #merge} must be commutative, associative and
 * idempotent: replicas and coordinators apply it in any order and must converge.
 */
public interface Reconciler {

  ConflictMode mode();

  /** The state that keeps everything of {@code a} and {@code b} that nothing supersedes. */
  Siblings merge(Siblings a, Siblings b);

  /** The opaque context a get returns for {@code merged}. */
  byte[] context(Siblings merged);

  static Reconciler forMode(ConflictMode mode) {
    return switch (mode) {
      case SIBLINGS -> DottedSiblings.INSTANCE;
      case LWW -> LastWriterWins.INSTANCE;
      case ABD -> AbdRegister.INSTANCE;
    };
  }
}
