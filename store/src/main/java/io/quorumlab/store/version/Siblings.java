package io.quorumlab.store.version;

import java.util.ArrayList;
import java.util.List;

/**
 * The stored state of one key: its versions, none of which supersedes another, in canonical
 * order. Tombstones are kept (they carry causality); {@link #live()} hides them.
 */
public record Siblings(List<Version> versions) {
  public static final Siblings EMPTY = new Siblings(List.of());

  public Siblings {
    List<Version> sorted = new ArrayList<>(versions);
    sorted.sort(Version.IDENTITY_ORDER);
    versions = List.copyOf(sorted);
  }

  public static Siblings of(Version... versions) {
    return new Siblings(List.of(versions));
  }

  public boolean isEmpty() {
    return versions.isEmpty();
  }

  /** The values of the non-tombstone versions. */
  public List<byte[]> live() {
    List<byte[]> values = new ArrayList<>();
    for (Version v : versions) {
      if (!v.isTombstone()) {
        values.add(v.value());
      }
    }
    return values;
  }

  /** Everything this state has seen: each version's context and its own dot. */
  public VersionVector clock() {
    VersionVector clock = VersionVector.EMPTY;
    for (Version v : versions) {
      clock = clock.merge(v.context()).with(v.dot());
    }
    return clock;
  }

  /** True when both hold exactly the same writes (replicas with equal states need no repair). */
  public boolean sameWrites(Siblings other) {
    if (versions.size() != other.versions.size()) {
      return false;
    }
    for (int i = 0; i < versions.size(); i++) {
      if (!versions.get(i).sameWrite(other.versions.get(i))) {
        return false;
      }
    }
    return true;
  }
}
