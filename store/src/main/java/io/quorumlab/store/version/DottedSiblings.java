package io.quorumlab.store.version;

import io.quorumlab.store.config.ConflictMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Siblings with dotted version vectors (the DVV-set of Riak): each version carries the dot of its
 * write and the context its writer had read; a version is superseded exactly when some other
 * version's context covers its dot.
 *
 * <p>Why dots and not a plain vector clock per version: with plain clocks, two blind writes
 * coordinated by the same node get clocks {n1:1} and {n1:2}, and the second silently
 * supersedes the first although the client never saw it. Here the second gets dot n1:2 with an
 * empty context, so both stay as siblings.
 *
 * <p>Dots of one node for one key must be issued in order from a state that holds (or has
 * superseded) every earlier dot of that node: the coordinator of a put is therefore a replica of
 * the key, it stores locally first, and ships its whole merged state to the other replicas. Then a
 * context whose entry for n is k really has seen every n-dot up to k.
 */
public final class DottedSiblings implements Reconciler {
  public static final DottedSiblings INSTANCE = new DottedSiblings();

  /** The state after a put, and the version it wrote. */
  public record Write(Siblings state, Version written) {
    /** What the client passes on to supersede this write (and what it had read). */
    public VersionVector context() {
      return written.context().with(written.dot());
    }
  }

  private DottedSiblings() {}

  @Override
  public ConflictMode mode() {
    return ConflictMode.SIBLINGS;
  }

  /**
   * A put coordinated by {@code self} on top of its local state. {@code value} null writes a
   * tombstone. The new dot is one past the highest dot of {@code self} this key has seen.
   */
  public Write put(Siblings local, String self, VersionVector context, byte[] value, long stamp) {
    long counter = Math.max(local.clock().get(self), context.get(self)) + 1;
    Version written = new Version(self, counter, stamp, context, value);
    return new Write(merge(local, Siblings.of(written)), written);
  }

  @Override
  public Siblings merge(Siblings a, Siblings b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    Map<Dot, Version> union = new LinkedHashMap<>();
    for (Version v : a.versions()) {
      union.putIfAbsent(v.dot(), v);
    }
    for (Version v : b.versions()) {
      union.putIfAbsent(v.dot(), v);
    }
    List<Version> kept = new ArrayList<>(union.size());
    for (Version v : union.values()) {
      if (!supersededWithin(v, union.values())) {
        kept.add(v);
      }
    }
    return new Siblings(kept);
  }

  private static boolean supersededWithin(Version v, Iterable<Version> all) {
    for (Version w : all) {
      if (w != v && w.context().covers(v.dot())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public byte[] context(Siblings merged) {
    return VersionCodec.encode(merged.clock());
  }
}
