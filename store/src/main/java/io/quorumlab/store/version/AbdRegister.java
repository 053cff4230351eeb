package io.quorumlab.store.version;

import io.quorumlab.store.config.ConflictMode;
import java.util.Comparator;

/**
 * The multi-writer ABD register. A version's tag is (counter, node, stamp): a writer reads the
 * highest tag from a quorum and writes counter + 1 with its own node id. The stamp is the
 * coordinator's sequence number, so that two puts coordinated concurrently by one node, which may
 * read the same highest counter, still get distinct, ordered tags.
 */
public final class AbdRegister extends HighestWins {
  static final Comparator<Version> ORDER = Comparator.comparingLong(Version::counter)
      .thenComparing(Version::node)
      .thenComparingLong(Version::stamp);

  // After ORDER, which the constructor reads.
  public static final AbdRegister INSTANCE = new AbdRegister();

  private AbdRegister() {
    super(ORDER);
  }

  @Override
  public ConflictMode mode() {
    return ConflictMode.ABD;
  }

  /** The highest counter in {@code observed} (0 when empty). */
  public long highestCounter(Siblings observed) {
    long max = 0;
    for (Version v : observed.versions()) {
      max = Math.max(max, v.counter());
    }
    return max;
  }

  /** A version whose tag is above everything in {@code observed}. */
  public Version write(Siblings observed, String self, long sequence, byte[] value) {
    return new Version(self, highestCounter(observed) + 1, sequence, VersionVector.EMPTY, value);
  }
}
