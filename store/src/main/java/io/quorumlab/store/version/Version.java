package io.quorumlab.store.version;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One stored version of a key. The fields mean slightly different things per conflict mode:
 *
 * <ul>
 *   <li>siblings: ({@code node}, {@code counter}) is the write's dot; {@code context} the causal
 *       past the writer had seen (without the dot itself); {@code stamp} is informational.
 *   <li>lww: the version with the highest ({@code stamp}, {@code node}, {@code counter}) wins;
 *       {@code stamp} is the coordinator's wall clock in microseconds.
 *   <li>abd: the tag is ({@code counter}, {@code node}, {@code stamp}); {@code stamp} only makes
 *       tags from one coordinator unique.
 * </ul>
 *
 * ({@code node}, {@code counter}, {@code stamp}) identifies a version in every mode.
 *
 * @param value the bytes written, or null for a tombstone (a delete)
 */
public record Version(String node, long counter, long stamp, VersionVector context, byte[] value) {

  /** The canonical order of siblings in a key's state (by identity). */
  public static final Comparator<Version> IDENTITY_ORDER = Comparator.comparing(Version::node)
      .thenComparingLong(Version::counter)
      .thenComparingLong(Version::stamp);

  public boolean isTombstone() {
    return value == null;
  }

  public Dot dot() {
    return new Dot(node, counter);
  }

  /** Same write (identity), regardless of payload. */
  public boolean sameWrite(Version other) {
    return counter == other.counter && stamp == other.stamp && node.equals(other.node);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && sameWrite(v) && context.equals(v.context) && Arrays.equals(value, v.value);
  }

  @Override
  public int hashCode() {
    return node.hashCode() * 31 + Long.hashCode(counter) * 17 + Long.hashCode(stamp);
  }

  @Override
  public String toString() {
    return "Version[" + node + ":" + counter + " @" + stamp + " ctx=" + context
        + (value == null ? " tombstone" : " " + value.length + "B") + "]";
  }
}
