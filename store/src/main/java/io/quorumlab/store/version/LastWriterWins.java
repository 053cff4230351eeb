package io.quorumlab.store.version;

import io.quorumlab.store.config.ConflictMode;
import java.util.Comparator;

/**
 * Last writer wins: the version with the highest wall-clock stamp survives (ties broken by node id,
 * then by the coordinator's sequence). Concurrent writes are silently lost, which is the point.
 */
public final class LastWriterWins implements Reconciler {
  public static final LastWriterWins INSTANCE = new LastWriterWins();

  static final Comparator<Version> ORDER = Comparator.comparingLong(Version::stamp)
      .thenComparing(Version::node)
      .thenComparingLong(Version::counter);

  private LastWriterWins() {}

  @Override
  public ConflictMode mode() {
    return ConflictMode.LWW;
  }

  /** A new version stamped by {@code self}'s wall clock; {@code sequence} makes it unique. */
  public Version write(String self, long wallMicros, long sequence, byte[] value) {
    return new Version(self, sequence, wallMicros, VersionVector.EMPTY, value);
  }

  @Override
  public Siblings merge(Siblings a, Siblings b) {
    return HighestWins.merge(a, b, ORDER);
  }

  @Override
  public byte[] context(Siblings merged) {
    return merged.isEmpty() ? new byte[0] : VersionCodec.encodeTag(merged.versions().get(0));
  }
}
