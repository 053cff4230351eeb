package io.quorumlab.store.version;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A vector clock: for each node, the highest counter of that node's writes it has seen. Immutable.
 * Entries are sorted by node id so that equal vectors encode to equal bytes.
 */
public final class VersionVector {
  public static final VersionVector EMPTY = new VersionVector(new TreeMap<>());

  private final TreeMap<String, Long> entries;

  private VersionVector(TreeMap<String, Long> entries) {
    this.entries = entries;
  }

  public static VersionVector of(Map<String, Long> entries) {
    TreeMap<String, Long> copy = new TreeMap<>();
    entries.forEach((node, counter) -> {
      if (counter < 0) {
        throw new IllegalArgumentException("negative counter for " + node + ": " + counter);
      }
      if (counter > 0) {
        copy.put(node, counter);
      }
    });
    return new VersionVector(copy);
  }

  public long get(String node) {
    return entries.getOrDefault(node, 0L);
  }

  public Map<String, Long> entries() {
    return Collections.unmodifiableMap(entries);
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  /** True when the write {@code dot} is in the causal past this vector describes. */
  public boolean covers(Dot dot) {
    return get(dot.node()) >= dot.counter();
  }

  /** True when this vector has seen everything {@code other} has (this >= other pointwise). */
  public boolean descends(VersionVector other) {
    for (Map.Entry<String, Long> e : other.entries.entrySet()) {
      if (get(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  /** True when this vector has seen everything {@code other} has, and more. */
  public boolean dominates(VersionVector other) {
    return descends(other) && !equals(other);
  }

  public boolean concurrentWith(VersionVector other) {
    return !descends(other) && !other.descends(this);
  }

  /** The pointwise maximum: everything either has seen. */
  public VersionVector merge(VersionVector other) {
    if (other.entries.isEmpty() || descends(other)) {
      return this;
    }
    if (other.descends(this)) {
      return other;
    }
    TreeMap<String, Long> merged = new TreeMap<>(entries);
    other.entries.forEach((node, counter) -> merged.merge(node, counter, Math::max));
    return new VersionVector(merged);
  }

  /** This vector extended to cover {@code dot}. */
  public VersionVector with(Dot dot) {
    if (covers(dot)) {
      return this;
    }
    TreeMap<String, Long> next = new TreeMap<>(entries);
    next.put(dot.node(), dot.counter());
    return new VersionVector(next);
  }

  /** This vector with {@code node}'s counter advanced by one. */
  public VersionVector increment(String node) {
    return with(new Dot(node, get(node) + 1));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VersionVector v && entries.equals(v.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return entries.toString();
  }
}
