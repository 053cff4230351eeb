package io.quorumlab.store.version;

import io.quorumlab.store.config.ConflictMode;
import java.util.Comparator;

/**
 * Last writer wins: the version with the highest wall-clock stamp survives (ties broken by node id,
 * then by the coordinator's sequence). Concurrent writes are silently lost, which is the point.
 */
public final class LastWriterWins extends HighestWins {
  static final Comparator<Version> ORDER = Comparator.comparingLong(Version::stamp)
      .thenComparing(Version::node)
      .thenComparingLong(Version::counter);

  // After ORDER, which the constructor reads.
  public static final LastWriterWins INSTANCE = new LastWriterWins();

  private LastWriterWins() {
    super(ORDER);
  }

  @Override
  public ConflictMode mode() {
    return ConflictMode.LWW;
  }

  /** A new version stamped by {@code self}'s wall clock; {@code sequence} makes it unique. */
  public Version write(String self, long wallMicros, long sequence, byte[] value) {
    return new Version(self, sequence, wallMicros, VersionVector.EMPTY, value);
  }
}
